/**
 * The browser router for everything the API serves at `/`. The admin owns every path except
 * `/m/…`, which is kept for the public mobile pages (QR landing, complaint, progress lookup): those
 * are for citizens without accounts, so they must live here, outside `<Admin>` and its sign-in.
 * Both load on demand, so a phone that scans a label never downloads react-admin.
 */
import { Suspense, lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';

const AdminApp = lazy(() => import('./AdminApp.tsx').then((m) => ({ default: m.AdminApp })));
const ScanPage = lazy(() => import('./mobile/ScanPage.tsx').then((m) => ({ default: m.ScanPage })));
const InspectPage = lazy(() => import('./mobile/InspectPage.tsx').then((m) => ({ default: m.InspectPage })));

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={null}>
        <Routes>
          <Route path="/m/b/:code" element={<ScanPage />} />
          <Route path="/m/b/:code/inspect" element={<InspectPage />} />
          <Route path="/*" element={<AdminApp />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
