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
export default defineConfig(({ command }) => ({
  root: adminDir,
  base: '/',
  plugins: [react()],
  // Production mode for the two libraries that decide it at run time: Apollo Client
  // (`globalThis.__DEV__`: no dev warnings, no devtools hook) and graphql-js (its `instanceOf`
  // check, see graphql-js's "Going to production").
  define: command === 'build' ? { 'globalThis.__DEV__': 'false', 'globalThis.process': 'true' } : {},
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The console is served under a Content-Security-Policy without 'unsafe-inline' scripts:
    // keep every asset a file, never an inline data: script.
    assetsInlineLimit: 0,
    // Libraries in their own files, so a new console release re-downloads only the app's code.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/ },
            { name: 'graphql', test: /node_modules[\\/](graphql|@apollo|@wry|optimism|ra-data-graphql|ra-data-graphql-simple)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // The SDL in schema/ is read at build time (src/providers/introspection.ts).
    fs: { allow: [repoRoot] },
    proxy: {
      '/graphql': { target: 'http://localhost:4000', changeOrigin: false },
      '/public': { target: 'http://localhost:4000', changeOrigin: false },
    },
  },
}));
