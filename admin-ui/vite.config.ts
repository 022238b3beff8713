/**
 * Builds the admin UI into `admin-ui/dist`, which the API serves at `/` with an SPA fallback. In
 * development the Vite server proxies the API paths to the local API, so cookies stay same-origin.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // react-admin and MUI together are large; they change less often than the app, so they get
    // their own long-cached chunks while each screen loads on demand. The router has its own, so
    // the public scan page (/m/b/…) loads React and the router only, never react-admin or MUI.
    // MapLibre alone is 1.07 MB (300 kB gzipped), loaded by the map pages only, in its own chunk.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'router', test: /node_modules[\\/](react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/, priority: 25 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/, priority: 20 },
            { name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre)[\\/]/, priority: 15 },
            {
              name: 'react-admin',
              test: /node_modules[\\/](react-admin|ra-[a-z-]+|react-hook-form|@tanstack|node-polyglot|lodash)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
