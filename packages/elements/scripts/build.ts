// Builds one minified ESM bundle per component (every `src/*/define.ts`) and
// `dist/passerelle.js` with all of them; prints each file's min+gzip size;
// refuses a bundle that contains server code; then writes custom-elements.json.
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(here, 'src');
// Options: `--outdir=<dir>` (default dist/), `--no-manifest` (skip the CEM analyzer).
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const dist = flags.find((f) => f.startsWith('--outdir='))?.slice('--outdir='.length) ?? join(here, 'dist');
/** The provider with its sign-in must stay under this, Lit included. */
const PORTAL_BUDGET = 20_000; // bytes: "under 20 kB" read strictly

// `tsx scripts/build.ts portal pledge` builds only those folders.
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const components = readdirSync(src, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(src, d.name, 'define.ts')) && (only.length === 0 || only.includes(d.name)))
  .map((d) => d.name)
  .sort((a, b) => (a === 'portal' ? -1 : b === 'portal' ? 1 : a.localeCompare(b)));
if (components.length === 0) throw new Error('No src/*/define.ts found.');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

/**
 * Marks the shared schemas' valibot builder calls as pure. esbuild does not
 * act on valibot's own `@__NO_SIDE_EFFECTS__` annotations, so every schema
 * constant of an imported `@passerelle/schema` file was kept, used or not
 * (~0.7 kB min+gzip in the portal alone). Builders (`v.pipe`, `v.object`,
 * `text(...)`…) have no side effects; running ones (`v.parse`, `v.assert`,
 * setters…) are left alone, and a used result is always kept.
 */
const RUNS = /^(parse|safeParse|parser|safeParser|parseAsync|safeParseAsync|assert|is|getDotPath|flatten|summarize|set\w*|delete\w*|get\w*Config|get\w*Message)$/;
const pureSchemaBuilders: Plugin = {
  name: 'pure-schema-builders',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/]schema[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source
        .replace(/(?<![\w.$])v\.(\w+)\(/g, (call, name: string) => (RUNS.test(name) ? call : `/* @__PURE__ */ v.${name}(`))
        .replace(/(?<![\w.$])text\(/g, '/* @__PURE__ */ text(');
      return { contents, loader: 'ts' };
    });
  },
};

const common: BuildOptions = {
  plugins: [pureSchemaBuilders],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  platform: 'browser',
  tsconfig: join(here, 'tsconfig.json'),
  legalComments: 'none',
  metafile: true,
  // Lit's production build (no dev-mode warnings).
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
};

// esbuild prints its own errors; a stack trace on top adds nothing.
const failed = (): never => process.exit(1);

const perComponent = await build({
  ...common,
  entryPoints: Object.fromEntries(components.map((name) => [name, join(src, name, 'define.ts')])),
  outdir: dist,
}).catch(failed);
// The portal first, so the provider is defined before the components inside it upgrade.
const all = await build({
  ...common,
  stdin: {
    contents: components.map((name) => `import './${name}/define.ts';`).join('\n'),
    resolveDir: src,
    sourcefile: 'passerelle.ts',
    loader: 'ts',
  },
  outfile: join(dist, 'passerelle.js'),
}).catch(failed);

/** Nothing of the server may be bundled: `AppType` is a type-only import. */
function assertNoServerCode(metafile: Metafile | undefined): void {
  if (!metafile) throw new Error('esbuild gave no metafile.');
  const offenders = Object.keys(metafile.inputs).filter((input) => /(^|\/)server\/src\/|better-sqlite3|drizzle-orm|@hono\/node-server|nodemailer|hono\/dist\/(hono|hono-base|compose)\.js/.test(input));
  if (offenders.length > 0) throw new Error(`Server code in the browser bundle:\n  ${offenders.join('\n  ')}`);
}
assertNoServerCode(perComponent.metafile);
assertNoServerCode(all.metafile);

const rows: [string, number, number][] = [];
for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
  const bytes = readFileSync(join(dist, file));
  rows.push([file, bytes.length, gzipSync(bytes, { level: 9 }).length]);
}
const kB = (n: number) => `${(n / 1024).toFixed(2)} kB`;
console.log('file                          min    min+gzip (bytes)');
for (const [file, min, gz] of rows) console.log(`${relative(here, join(dist, file)).padEnd(24)} ${kB(min).padStart(9)}  ${kB(gz).padStart(9)} (${gz})`);
const portal = rows.find(([f]) => f === 'portal.js');
if (portal && portal[2] > PORTAL_BUDGET) throw new Error(`dist/portal.js is ${kB(portal[2])} min+gzip, over the ${kB(PORTAL_BUDGET)} budget.`);
console.log(`(no server code in any bundle; portal budget ${kB(PORTAL_BUDGET)} min+gzip)`);

if (flags.includes('--no-manifest')) process.exit(0);
execFileSync('pnpm', ['run', '--silent', 'analyze'], { cwd: here, stdio: 'inherit' });
console.log(`custom-elements.json written (${relative(process.cwd(), join(here, 'custom-elements.json')) || 'custom-elements.json'}).`);
