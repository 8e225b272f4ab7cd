import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { hostBackend } from './host/backend.ts';
import { PAGES, siteLayout } from './host/layout.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Where the Passerelle API answers. `VITE_PASSERELLE_API` overrides it; the test harness overrides the define. */
const api = process.env.VITE_PASSERELLE_API ?? 'http://localhost:8787';

export default defineConfig({
  root,
  define: { __PASSERELLE_API__: JSON.stringify(api) },
  plugins: [siteLayout(), hostBackend()],
  server: { port: 5173, strictPort: true },
  optimizeDeps: {
    // Crawl the components too, so their dependencies (lit, valibot, hono/client) are pre-bundled at start-up
    // instead of being discovered on first use, which would reload the page under the visitor (or a test).
    entries: ['*.html', '../packages/elements/src/*/define.ts'],
  },
  build: {
    rollupOptions: { input: Object.fromEntries(PAGES.map((p) => [p.file.replace('.html', ''), resolve(root, p.file)])) },
  },
});
