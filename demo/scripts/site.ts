import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

export const demoRoot = fileURLToPath(new URL('..', import.meta.url));
export const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

export interface SiteOptions {
  /** The port, taken strictly: a busy port is an error, not a silent move to the next one. */
  port: number;
  /** The Passerelle API base URL the pages talk to. */
  api: string;
  /** Vite's log level; the test harness keeps it quiet. */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /** Where Vite keeps its pre-bundled dependencies (default `demo/node_modules/.vite`). */
  cacheDir?: string;
}

/** Starts the demo site (Vite dev server with the host back end) and resolves once it listens. */
export async function startSite(options: SiteOptions): Promise<ViteDevServer> {
  const server = await createServer({
    configFile,
    root: demoRoot,
    logLevel: options.logLevel ?? 'info',
    clearScreen: false,
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    define: { __PASSERELLE_API__: JSON.stringify(options.api) },
    server: { port: options.port, strictPort: true, host: 'localhost' },
  });
  await server.listen();
  return server;
}
