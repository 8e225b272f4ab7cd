// Builds every file of dist/ in one esbuild run with shared chunks: one ES
// module per component (every `src/*/define.ts`), `dist/passerelle.js` with
// all of them and one file per set of budgets.json (`dist/front-office.js`),
// their shared code written once in `dist/chunks/` (one Lit, one portal
// context, one definition of each tag, whichever files a page combines);
// prints each file's weight (itself and the chunks it imports, min+gzip);
// refuses a bundle that contains server code or is over its budget
// (budgets.json), then writes custom-elements.json.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { assertNoServerCode, buildOptions, elementsDir as here, englishFiles, englishName, messageCatalogues, onDemandPathsFor, splitBuildOptions, srcDir as src } from './esbuild-options.ts';
import { bytes, readBudgets, sizesOf, weightOf } from './sizes.ts';
import { definingChunks, inSetOrder } from './set-order.ts';

// Options: `--outdir=<dir>` (default dist/), `--no-manifest` (skip the CEM analyzer).
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const dist = flags.find((f) => f.startsWith('--outdir='))?.slice('--outdir='.length) ?? join(here, 'dist');
const budgets = readBudgets();

// `tsx scripts/build.ts portal pledge` builds only those folders.
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const components = readdirSync(src, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(src, d.name, 'define.ts')) && (only.length === 0 || only.includes(d.name)))
  .map((d) => d.name)
  .sort((a, b) => (a === 'portal' ? -1 : b === 'portal' ? 1 : a.localeCompare(b)));
if (components.length === 0) throw new Error('No src/*/define.ts found.');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// esbuild prints its own errors; a stack trace on top adds nothing.
const failed = (): never => process.exit(1);

// The portal first in every set, so the provider is defined before the components inside it upgrade.
// A set is built when the whole of it is (not by `build.ts portal`).
const sets: Record<string, string[]> = Object.fromEntries(
  Object.entries(budgets.sets)
    .filter(([, set]) => set.components.every((c) => components.includes(c)))
    .map(([name, set]) => [name, set.components]),
);
if (only.length === 0) sets.passerelle = components;
const bundles = await build({ ...splitBuildOptions(components, sets), outdir: dist }).catch(failed);
assertNoServerCode(bundles.metafile);
// A set runs its components in its own order, the portal first (scripts/set-order.ts).
const chunkDefining = definingChunks(bundles.metafile!);
const setOf = (path: string) => Object.entries(sets).find(([name]) => resolve(path) === resolve(dist, `${name}.js`))?.[1];
for (const out of bundles.outputFiles ?? []) {
  mkdirSync(dirname(out.path), { recursive: true });
  const set = setOf(out.path);
  writeFileSync(out.path, set ? inSetOrder(out.text, set, chunkDefining) : out.path.endsWith('.js') ? onDemandPathsFor(out.path, out.text) : out.contents);
}

// English, loaded on demand by the bundles above: dist/en/<folder>.js.
assertNoServerCode(
  (await build({ ...buildOptions, entryPoints: Object.fromEntries(englishFiles().map((f) => [englishName(f), f])), outdir: join(dist, 'en') }).catch(failed)).metafile,
);

// The words of message codes (every code of the API and the schemas, in French and English), loaded when an error is shown: dist/messages/<language>.js.
assertNoServerCode((await build({ ...buildOptions, entryPoints: messageCatalogues(), outdir: join(dist, 'messages') }).catch(failed)).metafile);

const kB = (n: number) => `${(n / 1024).toFixed(2)} kB`;
const over: string[] = [];
console.log('file (with the chunks it imports)      files      min    min+gzip (bytes)');
for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
  const { files, min, gzip } = await weightOf(dist, file);
  const budget = budgets.budgets[file];
  console.log(`${relative(here, join(dist, file)).padEnd(34)} ${String(files.length).padStart(5)} ${kB(min).padStart(9)}  ${kB(gzip).padStart(9)} (${gzip})${budget ? `  budget ${bytes(budget.bytes)}${budget.enforced ? '' : ' (not enforced)'}` : ''}`);
  if (budget && gzip > budget.bytes) {
    const line = `${file} is ${bytes(gzip)} min+gzip with the chunks it imports, over its ${bytes(budget.bytes)} budget (budgets.json).`;
    if (budget.enforced) over.push(line);
    else console.warn(`warning: ${line}`);
  }
}
const chunks = (existsSync(join(dist, 'chunks')) ? readdirSync(join(dist, 'chunks')) : []).map((f) => sizesOf(readFileSync(join(dist, 'chunks', f))).gzip);
console.log(`dist/chunks/*.js: the code the files above share (${chunks.length} files, ${chunks.reduce((a, b) => a + b, 0)} B min+gzip in all)`);
const english = readdirSync(join(dist, 'en')).map((f) => sizesOf(readFileSync(join(dist, 'en', f))).gzip);
console.log(`dist/en/*.js: English, fetched when an element speaks it (${english.length} files, ${english.join(' + ')} B min+gzip)`);
const catalogues = Object.keys(messageCatalogues()).map((l) => `${l} ${sizesOf(readFileSync(join(dist, 'messages', `${l}.js`))).gzip}`);
console.log(`dist/messages/*.js: the message catalogues, fetched when an element has an error to word (${catalogues.join(' B, ')} B min+gzip)`);
if (over.length > 0) {
  console.error(over.join('\n'));
  process.exit(1);
}
console.log('(no server code in any bundle; every enforced budget of budgets.json met)');

if (flags.includes('--no-manifest')) process.exit(0);
execFileSync('pnpm', ['run', '--silent', 'analyze'], { cwd: here, stdio: 'inherit' });
console.log(`custom-elements.json written (${relative(process.cwd(), join(here, 'custom-elements.json')) || 'custom-elements.json'}).`);
