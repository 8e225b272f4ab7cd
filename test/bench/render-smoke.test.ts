// The render benchmark's quick variant in the default test run: the same
// code, 2 fresh page loads per component, each showing its form with data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderTimes, TARGETS } from './render.ts';

test('render benchmark: each front-office component shows its form with data from the bundle, twice, and so does its bare baseline', { timeout: 240_000 }, async () => {
  const results = await renderTimes({ runs: 2, warmup: 0, bundle: 'front-office.js' });
  assert.equal(results.size, TARGETS.length);
  for (const [target, { runs, baseline, seen }] of results) {
    assert.equal(runs.length, 2, target.tag);
    assert.equal(baseline.length, 2, `${target.tag}: its baseline`);
    // The baseline repeats what the component did: at least one read of the API, and the fields it drew.
    assert.ok(seen.reads.length > 0 && seen.fields > 0, `${target.tag}: ${JSON.stringify(seen)}`);
    for (const run of baseline) assert.ok(Number.isFinite(run.ms) && run.ms > 0, `${target.tag} baseline: ${run.ms} ms`);
    for (const run of runs) {
      assert.ok(Number.isFinite(run.ms) && run.ms > 0, `${target.tag}: ${run.ms} ms`);
      assert.ok(run.loaded <= run.defined && run.defined <= run.ms, `${target.tag}: loaded ${run.loaded} ≤ defined ${run.defined} ≤ shown ${run.ms}`);
    }
  }
});
