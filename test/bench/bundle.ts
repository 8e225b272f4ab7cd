/**
 * The bundle benchmark: builds the components exactly as `pnpm build` does
 * (packages/elements/scripts/build.ts, into a temporary folder), then prints
 * min, min+gzip (gzip -9) and brotli (q 11) of every file of `dist/`, counted
 * as budgets.json says (the file plus the chunks of `dist/chunks/` it imports
 * statically, each compressed on its own, summed) —
 * each component alone, `front-office.js` (the four front-office components
 * with the portal and Lit, as one module) and the all-in-one
 * `passerelle.js` — next to its budget in packages/elements/budgets.json,
 * and what each may fetch later (its dynamic imports, sizes.ts onDemandOf).
 * Exits 1 when a budget is exceeded, enforced by the build or not.
 *
 *   pnpm --filter @passerelle/e2e bench:bundle
 *
 * `bundleReport()` is also run by bench/bundle-smoke.test.ts in the default test run.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytes, onDemandOf, readBudgets, weightOf, type Sizes } from '../../packages/elements/scripts/sizes.ts';

const elementsDir = fileURLToPath(new URL('../../packages/elements/', import.meta.url));
export const BUNDLE_COMMAND = 'pnpm --filter @passerelle/e2e bench:bundle';

export interface BundleRow extends Sizes {
  /** The file of `dist/`. */
  name: string;
  /** What it holds. */
  holds: string;
  /** How many files a page downloads for it: itself and the chunks it imports. */
  files: number;
  /** What it may fetch later, min+gzip: the chunks it imports dynamically (its own session used alone, the email sign-in form, rarely shown parts), English and the message catalogues aside. */
  onDemand: number;
  budget?: { bytes: number; enforced: boolean };
}

/** Runs the real build into a temporary folder; measures every file and every budgeted set. */
export async function bundleReport(): Promise<BundleRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bundle-'));
  try {
    const log = await new Promise<string>((resolve) => {
      // The build exits 1 when a budget is exceeded, after writing every file: the table below says which.
      execFile(process.execPath, ['--import', 'tsx', 'scripts/build.ts', `--outdir=${dir}`, '--no-manifest'], { cwd: elementsDir }, (_err, stdout, stderr) =>
        resolve(`${stdout}${stderr}`),
      );
    });
    if (!existsSync(join(dir, 'passerelle.js'))) throw new Error(`The build failed:\n${log}`);
    const budgets = readBudgets();
    const sets = Object.entries(budgets.sets).map(([name, set]) => [`${name}.js`, set.components] as const);
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    const order = (f: string) => (f === 'portal.js' ? 0 : f === 'passerelle.js' ? 3 : sets.some(([s]) => s === f) ? 2 : 1);
    const rows: BundleRow[] = [];
    for (const file of files.sort((a, b) => order(a) - order(b) || a.localeCompare(b))) {
      const set = sets.find(([s]) => s === file)?.[1];
      const holds =
        file === 'passerelle.js' ? 'all components and the portal' : set ? set.join(' + ') : file === 'portal.js' ? 'the provider (its email sign-in form fetched when shown)' : 'one component (used alone, its own session fetched then)';
      const { files: loaded, min, gzip, brotli } = await weightOf(dir, file);
      const onDemand = (await onDemandOf(dir, file)).gzip;
      rows.push({ name: file, holds: `${holds}, Lit`, files: loaded.length, onDemand, budget: budgets.budgets[file], min, gzip, brotli });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows as a Markdown table (the README quotes it). */
export function bundleTable(rows: readonly BundleRow[]): string {
  const lines = ['| bundle | holds | files | min | min+gzip | brotli | budget (min+gzip) | fetched when needed (min+gzip) |', '|---|---|--:|--:|--:|--:|---|--:|'];
  for (const r of rows) {
    const verdict = r.budget === undefined ? '—' : `${bytes(r.budget.bytes)}${r.budget.enforced ? ' (enforced)' : ''}: ${r.gzip <= r.budget.bytes ? 'met' : `**over by ${bytes(r.gzip - r.budget.bytes)}**`}`;
    lines.push(`| \`${r.name}\` | ${r.holds} | ${r.files} | ${bytes(r.min)} | ${bytes(r.gzip)} | ${bytes(r.brotli)} | ${verdict} | ${r.onDemand > 0 ? `+${bytes(r.onDemand)}` : '—'} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await bundleReport();
  console.log(bundleTable(rows));
  console.log(`\nBudgets: packages/elements/budgets.json. Reproduce: ${BUNDLE_COMMAND}`);
  if (rows.some((r) => r.budget !== undefined && r.gzip > r.budget.bytes)) process.exitCode = 1;
}
