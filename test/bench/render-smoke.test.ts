// The render benchmark's quick variant in the default test run: the same
// code, 2 fresh page loads per component, each showing its form with data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderTimes, TARGETS } from './render.ts';

test('render benchmark: each front-office component shows its form with data from the bundle, twice', { timeout: 240_000 }, async () => {
  const results = await renderTimes({ runs: 2, warmup: 0, bundle: 'front-office.js' });
  assert.equal(results.size, TARGETS.length);
  for (const [target, runs] of results) {
    assert.equal(runs.length, 2, target.tag);
    for (const run of runs) {
      assert.ok(Number.isFinite(run.ms) && run.ms > 0, `${target.tag}: ${run.ms} ms`);
      assert.ok(run.loaded <= run.defined && run.defined <= run.ms, `${target.tag}: loaded ${run.loaded} ≤ defined ${run.defined} ≤ shown ${run.ms}`);
    }
  }
});
