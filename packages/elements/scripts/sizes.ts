// Size budgets (budgets.json) and how bundles are measured against them:
// shared by scripts/build.ts (which enforces them) and test/bench/bundle.ts.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { elementsDir } from './esbuild-options.ts';

export interface Budgets {
  /** `dist/<name>.js` bundles these components (folders of src/) together, in this order. */
  sets: Record<string, { components: string[] }>;
  /** By `dist/` file name: its min+gzip budget; the build fails over an `enforced` one and warns over the others. */
  budgets: Record<string, { bytes: number; enforced: boolean; about?: string }>;
}

export const budgetsFile = join(elementsDir, 'budgets.json');
export const readBudgets = (): Budgets => JSON.parse(readFileSync(budgetsFile, 'utf8')) as Budgets;

export interface Sizes {
  min: number;
  gzip: number;
  brotli: number;
}

/** Minified size, gzip -9 and brotli (quality 11) of a bundle. */
export function sizesOf(bytes: Uint8Array): Sizes {
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  };
}

/** `19,798 B` */
export const bytes = (n: number): string => `${n.toLocaleString('en-US')} B`;

/** What a page downloads before a `dist/` file has run: the file and every chunk it imports statically, transitively. */
export interface Weight extends Sizes {
  /** Those files, relative to `dist/`, the entry first. */
  files: string[];
}

/**
 * The weight of a `dist/` file as budgets.json counts it: the file plus the
 * chunks it imports statically (`import … from "./chunks/…"`, transitively),
 * each compressed on its own as a server sends it, summed. Dynamic imports
 * (English, the message catalogues, the email sign-in form) are fetched later,
 * when needed, and are not counted. esbuild follows the imports, so the
 * answer is the module graph the browser will load.
 */
export async function weightOf(dist: string, file: string): Promise<Weight> {
  return weigh(dist, file, (path) => path);
}

/**
 * What a `dist/` file may fetch later, on top of its weight: the chunks it
 * imports dynamically (a component's own session when it finds no portal,
 * the email sign-in form, the consent centre's lower sections…) with the
 * chunks those import that the file had not, measured as {@link weightOf}.
 * English and the message catalogues (`en/`, `messages/`) are left out: the
 * README counts them apart.
 */
export async function onDemandOf(dist: string, file: string): Promise<Weight> {
  const all = await weigh(dist, file, (path) => (/^\.{1,2}\/(\.\.\/)?(en|messages)\//.test(path) ? path : undefined));
  const now = await weightOf(dist, file);
  const files = all.files.filter((f) => !now.files.includes(f));
  return { files, min: all.min - now.min, gzip: all.gzip - now.gzip, brotli: all.brotli - now.brotli };
}

/** The files `file` loads, following every static import and the dynamic ones `external` does not name. */
async function weigh(dist: string, file: string, external: (path: string) => string | undefined): Promise<Weight> {
  const result = await build({
    entryPoints: [join(dist, file)],
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    format: 'esm',
    plugins: [
      {
        name: 'static-only',
        setup: (b) =>
          b.onResolve({ filter: /.*/ }, (args) => {
            const path = args.kind === 'dynamic-import' ? external(args.path) : undefined;
            return path === undefined ? undefined : { path, external: true };
          }),
      },
    ],
  });
  const files = Object.keys(result.metafile.inputs).map((input) => relative(dist, resolve(input)));
  const entry = relative(dist, join(dist, file));
  const ordered = [entry, ...files.filter((f) => f !== entry).sort()];
  const total: Sizes = { min: 0, gzip: 0, brotli: 0 };
  for (const f of ordered) {
    const one = sizesOf(readFileSync(join(dist, f)));
    total.min += one.min;
    total.gzip += one.gzip;
    total.brotli += one.brotli;
  }
  return { files: ordered, ...total };
}
