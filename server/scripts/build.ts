/**
 * Compiles the server to plain JavaScript for `node`, with no TypeScript
 * loader at run time: `dist/index.js` (the API) and `dist/cli.js` (the
 * operators' command line).
 *
 * esbuild rather than tsc: the workspace package @passerelle/schema exports
 * its `.ts` sources, which Node does not run from node_modules; bundling it
 * (and the server's own modules) into each entry needs no second build of the
 * schema and no rewriting of `.ts` import paths. The runtime dependencies are
 * left as imports, installed by a production install (`better-sqlite3` is
 * native, `redoc`'s bundle is read from node_modules). Type-checking stays
 * `pnpm typecheck`'s job: esbuild only strips the types.
 *
 * Files read at run time (migrations, parameter files) are found from
 * `src/paths.ts`, which works because `dist/` is one folder below the
 * package, as `src/` is.
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { dependencies: Record<string, string>; engines: { node: string } };

rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  // The oldest Node of `engines` (20.19): esbuild keeps newer syntax out of the output.
  target: 'node20.19',
  // Only the runtime dependencies stay imports (a package name also covers its subpaths); the rest, @passerelle/schema included, is bundled.
  external: Object.keys(manifest.dependencies),
  sourcemap: true,
  logLevel: 'warning',
});
