import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Where `npm run dev` sends API calls: a backend started with its default port. */
const BACKEND = 'http://127.0.0.1:8080';
const proxied = ['/api', '/admin', '/auth', '/users', '/products', '/health', '/media'];

// `#shared/*` resolves through the package.json "imports" field, which Vite follows natively.
export default defineConfig({
  root,
  // Relative asset URLs: the same build works at the backend's `/` and from Electron.
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    // `/api` carries the live WebSocket (/api/v1/live) as well as plain requests.
    proxy: Object.fromEntries(
      proxied.map((prefix) => [prefix, { target: BACKEND, ws: prefix === '/api' }]),
    ),
  },
});
