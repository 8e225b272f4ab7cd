// Size budgets (budgets.json) and how bundles are measured against them:
// shared by scripts/build.ts (which enforces them) and test/bench/bundle.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { elementsDir } from './esbuild-options.ts';

export interface Budgets {
  /** `dist/<name>.js` bundles these components (folders of src/) together, in this order. */
  sets: Record<string, { components: string[] }>;
  /** By `dist/` file name: its min+gzip budget; the build fails over an `enforced` one and warns over the others. */
  budgets: Record<string, { bytes: number; enforced: boolean }>;
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
