import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const adminDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The react-admin console. `npm run build:admin` (from the repository root) writes admin/dist,
 * which the API serves at `/`; `npm run dev:admin` serves it with hot reload and sends /graphql
 * to an API running on port 4000.
 */
export default defineConfig({
  root: adminDir,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The console is served under a Content-Security-Policy without 'unsafe-inline' scripts:
    // keep every asset a file, never an inline data: script.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    port: 5173,
    // The SDL in schema/ is read at build time (src/providers/introspection.ts).
    fs: { allow: [repoRoot] },
    proxy: {
      '/graphql': { target: 'http://localhost:4000', changeOrigin: false },
    },
  },
});
