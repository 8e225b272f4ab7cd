// What a dist/ file is made of: builds every file exactly as scripts/build.ts
// does (shared chunks), in memory, takes one file (default `front-office`, a
// set of budgets.json, or a component folder) with the chunks it imports
// statically, as budgets.json counts it, and prints esbuild's metafile bytes
// per input (minified, before gzip), grouped by package / src folder, then the
// largest files.
//
//   pnpm --filter @passerelle/elements exec tsx scripts/weigh.ts [front-office|passerelle|<folder>] [--top=40]
import { build, type Metafile } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { splitBuildOptions, srcDir } from './esbuild-options.ts';
import { bytes, readBudgets, sizesOf } from './sizes.ts';

const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith('--')) ?? 'front-office';
const top = Number(args.find((a) => a.startsWith('--top='))?.slice('--top='.length) ?? 40);
const folders = readdirSync(srcDir).filter((d) => existsSync(join(srcDir, d, 'define.ts')));
const components = ['portal', ...folders.filter((f) => f !== 'portal').sort()];
const sets = { ...Object.fromEntries(Object.entries(readBudgets().sets).map(([name, set]) => [name, set.components])), passerelle: components };

const out = '/passerelle-weigh';
const result = await build({ ...splitBuildOptions(components, sets), outdir: out });
const outputs: Metafile['outputs'] = result.metafile?.outputs ?? {};
const closure = (file: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(file) || !outputs[file]) return seen;
  seen.add(file);
  for (const i of outputs[file].imports) if (i.kind === 'import-statement' && !i.external) closure(i.path, seen);
  return seen;
};
const entry = Object.keys(outputs).find((f) => f.endsWith(`/${target}.js`) && !f.includes('/chunks/'));
if (!entry) throw new Error(`No dist/${target}.js: give a set of budgets.json, passerelle, or a folder of src/ with a define.ts.`);
const files = [...closure(entry)];
const contents = new Map((result.outputFiles ?? []).map((f) => [f.path, f.contents]));
const sized = files.map((f) => sizesOf(contents.get(resolve(f)) ?? new Uint8Array()));
const min = sized.reduce((n, s) => n + s.min, 0);
const gzip = sized.reduce((n, s) => n + s.gzip, 0);
const inputsOf = (f: string) => Object.entries(outputs[f]?.inputs ?? {}).map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }));

/** `lit-html@3.3.3`, `schema/profiles`, `elements/pledge`. */
const groupOf = (input: string): string => {
  const pkg = /node_modules\/\.pnpm\/(@?[^/]+)\//.exec(input)?.[1];
  if (pkg) return pkg.replace(/_.*$/, '').replace(/^@([^+]+)\+/, '@$1/');
  const own = /(?:^|\/)(?:packages\/)?(schema|elements)?\/?src\/([^/]+)\//.exec(input);
  if (own) return `${own[1] ?? 'elements'}/${own[2]}`;
  return input;
};

const inputs = files.flatMap(inputsOf);
const groups = new Map<string, number>();
for (const { path, bytes: n } of inputs) groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + n);

const share = (n: number) => `${((100 * n) / min).toFixed(1).padStart(5)} %`;
console.log(`dist/${target}.js with the ${files.length - 1} chunks it imports: ${bytes(min)} minified, ${bytes(gzip)} min+gzip (each file gzipped on its own, summed)\n`);
console.log('minified bytes by package / folder');
for (const [name, n] of [...groups].sort((a, b) => b[1] - a[1])) if (n > 0) console.log(`${String(n).padStart(8)} ${share(n)}  ${name}`);
const texts = inputs.filter((i) => /src\/([^/]+\/translations\.ts|i18n\/translations\/)/.test(i.path)).reduce((n, i) => n + i.bytes, 0);
const schema = inputs.filter((i) => /schema\/src\//.test(i.path)).reduce((n, i) => n + i.bytes, 0);
console.log(`\n${String(texts).padStart(8)} ${share(texts)}  all translations (fr + en)\n${String(schema).padStart(8)} ${share(schema)}  all @passerelle/schema`);
console.log(`\nlargest ${top} inputs`);
for (const { path, bytes: n } of inputs.sort((a, b) => b.bytes - a.bytes).slice(0, top)) console.log(`${String(n).padStart(8)} ${share(n)}  ${path}`);
