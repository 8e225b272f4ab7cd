// What a bundle is made of: builds one set of budgets.json (default
// `front-office`) or one component folder exactly as scripts/build.ts does,
// in memory, and prints esbuild's metafile bytes per input (minified, before
// gzip), grouped by package / src folder, then the largest files.
//
//   pnpm --filter @passerelle/elements exec tsx scripts/weigh.ts [front-office|<folder>] [--top=40]
import { build } from 'esbuild';
import { buildOptions, definesEntry } from './esbuild-options.ts';
import { bytes, readBudgets, sizesOf } from './sizes.ts';

const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith('--')) ?? 'front-office';
const top = Number(args.find((a) => a.startsWith('--top='))?.slice('--top='.length) ?? 40);
const components = readBudgets().sets[target]?.components ?? [target];

const result = await build({ ...buildOptions, stdin: definesEntry(components, `${target}.ts`), outfile: `${target}.js`, write: false });
const file = result.outputFiles.find((f) => f.path.endsWith('.js'));
const output = Object.values(result.metafile?.outputs ?? {})[0];
if (!file || !output) throw new Error('esbuild gave no output.');

/** `lit-html@3.3.3`, `schema/profiles`, `elements/pledge`. */
const groupOf = (input: string): string => {
  const pkg = /node_modules\/\.pnpm\/(@?[^/]+)\//.exec(input)?.[1];
  if (pkg) return pkg.replace(/_.*$/, '').replace(/^@([^+]+)\+/, '@$1/');
  const own = /(?:^|\/)(?:packages\/)?(schema|elements)?\/?src\/([^/]+)\//.exec(input);
  if (own) return `${own[1] ?? 'elements'}/${own[2]}`;
  return input;
};

const inputs = Object.entries(output.inputs).map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }));
const groups = new Map<string, number>();
for (const { path, bytes: n } of inputs) groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + n);

const { min, gzip } = sizesOf(file.contents);
const share = (n: number) => `${((100 * n) / min).toFixed(1).padStart(5)} %`;
console.log(`${target}.js (${components.join(' + ')}): ${bytes(min)} minified, ${bytes(gzip)} min+gzip\n`);
console.log('minified bytes by package / folder');
for (const [name, n] of [...groups].sort((a, b) => b[1] - a[1])) if (n > 0) console.log(`${String(n).padStart(8)} ${share(n)}  ${name}`);
const texts = inputs.filter((i) => /src\/([^/]+\/translations\.ts|i18n\/translations\/)/.test(i.path)).reduce((n, i) => n + i.bytes, 0);
const schema = inputs.filter((i) => /schema\/src\//.test(i.path)).reduce((n, i) => n + i.bytes, 0);
console.log(`\n${String(texts).padStart(8)} ${share(texts)}  all translations (fr + en)\n${String(schema).padStart(8)} ${share(schema)}  all @passerelle/schema`);
console.log(`\nlargest ${top} inputs`);
for (const { path, bytes: n } of inputs.sort((a, b) => b.bytes - a.bytes).slice(0, top)) console.log(`${String(n).padStart(8)} ${share(n)}  ${path}`);
