// The bundle benchmark's quick variant in the default test run: the same
// code (build, measure) once, checked for sense, and the README's table
// checked against budgets.json so that the two never disagree.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { bytes, readBudgets } from '../../packages/elements/scripts/sizes.ts';
import { bundleReport } from './bundle.ts';

test('bundle benchmark: every dist file measured, enforced budgets met, the README quotes budgets.json', async () => {
  const rows = await bundleReport();
  const budgets = readBudgets();
  for (const name of ['portal.js', 'passerelle.js', ...Object.keys(budgets.sets).map((s) => `${s}.js`), ...Object.keys(budgets.budgets)]) {
    assert.ok(rows.some((r) => r.name === name), `${name} was measured`);
  }
  for (const r of rows) assert.ok(r.brotli > 0 && r.brotli < r.gzip && r.gzip < r.min, `${r.name}: brotli < gzip < min (${r.brotli}, ${r.gzip}, ${r.min})`);
  for (const r of rows.filter((r) => r.budget?.enforced)) assert.ok(r.gzip <= r.budget!.bytes, `${r.name}: ${bytes(r.gzip)} within its enforced ${bytes(r.budget!.bytes)}`);

  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const [file, budget] of Object.entries(budgets.budgets)) {
    assert.ok(
      readme.split('\n').some((line) => line.includes(`\`${file}\``) && line.includes(bytes(budget.bytes))),
      `README.md has a line quoting ${file}'s budget of ${bytes(budget.bytes)} (budgets.json)`,
    );
  }
});
