/**
 * The browser router for everything the API serves at `/`. The admin owns every path except
 * `/m/…`, which is kept for the public mobile pages (QR landing, complaint, progress lookup): those
 * are for citizens without accounts, so they must live here, outside `<Admin>` and its sign-in.
 */
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AdminApp } from './AdminApp.tsx';

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        {/* The public mobile pages' routes (under /m/) belong here, beside and outside the admin. */}
        <Route path="/*" element={<AdminApp />} />
      </Routes>
    </BrowserRouter>
  );
}
