/**
 * The web app's build. Run from the repository root as `vite build web` (npm run build:web), so
 * this directory is Vite's root and the output lands in web/dist, which the server serves at /.
 *
 * `vite web` starts a dev server with hot reload that proxies the API to a running
 * `npm start` (INMAIL_API, default http://localhost:3000).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = globalThis.process?.env.INMAIL_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The API reference (swagger-ui) is served separately; the app itself stays small.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '^/(v1|docs|openapi\\.json)': {
        target: api,
        changeOrigin: true,
        // The API refuses cookie-authenticated writes from another origin (CSRF defence); the
        // proxy makes the dev server's requests look same-origin.
        configure: (proxy) => proxy.on('proxyReq', (req) => req.setHeader('origin', api)),
      },
    },
  },
});
