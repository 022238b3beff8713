/**
 * The browser router for everything the API serves at `/`. The admin owns every path except
 * `/m/…`, which is kept for the phone pages: the QR landing (`/m/b/:code`), the inspector's daily
 * inspection (`…/inspect`, which asks for a sign-in itself), and the citizen's complaint from a house
 * (`…/complain`) or a position (`/m/complain`) and its progress lookup (`/m/c`, `/m/c/:trackingNo`),
 * the in-app QR scanner (`/m/scan`) and the inspector's map of their area (`/m/map`, signed in).
 * Citizens have no accounts, so these live here, outside `<Admin>` and its sign-in. Everything loads
 * on demand, so a phone that scans a label never downloads react-admin.
 */
import { Suspense, lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';

const AdminApp = lazy(() => import('./AdminApp.tsx').then((m) => ({ default: m.AdminApp })));
const ScanPage = lazy(() => import('./mobile/scan/ScanPage.tsx').then((m) => ({ default: m.ScanPage })));
const InspectPage = lazy(() => import('./mobile/inspect/InspectPage.tsx').then((m) => ({ default: m.InspectPage })));
const ComplainPage = lazy(() => import('./mobile/complain/ComplainPage.tsx').then((m) => ({ default: m.ComplainPage })));
const ProgressPage = lazy(() => import('./mobile/progress/ProgressPage.tsx').then((m) => ({ default: m.ProgressPage })));
const ScanCamera = lazy(() => import('./mobile/scan/ScanCamera.tsx').then((m) => ({ default: m.ScanCamera })));
const PhoneMapPage = lazy(() => import('./mobile/map/PhoneMapPage.tsx').then((m) => ({ default: m.PhoneMapPage })));

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={null}>
        <Routes>
          <Route path="/m/b/:code" element={<ScanPage />} />
          <Route path="/m/b/:code/inspect" element={<InspectPage />} />
          <Route path="/m/b/:code/complain" element={<ComplainPage />} />
          <Route path="/m/complain" element={<ComplainPage />} />
          <Route path="/m/c" element={<ProgressPage />} />
          <Route path="/m/c/:trackingNo" element={<ProgressPage />} />
          <Route path="/m/scan" element={<ScanCamera />} />
          <Route path="/m/map" element={<PhoneMapPage />} />
          <Route path="/*" element={<AdminApp />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
