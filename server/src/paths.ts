import { fileURLToPath } from 'node:url';

/**
 * The server package's folder, where `drizzle/` (the migrations) and
 * `config/` (the yearly parameter files) are found at run time. This module
 * sits one folder below it in `src/`, and the compiled server bundles it into
 * `dist/index.js` and `dist/cli.js`, one folder below it too: the same
 * relative step works from the sources (tsx, vitest) and from the build.
 */
export const serverRoot = fileURLToPath(new URL('..', import.meta.url));
