/**
 * The load benchmark's smoke run: the same code as `bench/api.ts` on a tiny
 * database, one second per endpoint. It proves that the benchmark still runs
 * and that nothing answers anything but 2xx under concurrent load; the
 * figures themselves mean nothing at this size.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runLoad } from './load.ts';

test('the API load benchmark runs and every answer under load is a 2xx', { timeout: 60_000 }, async () => {
  const report = await runLoad({ scale: { profiles: 200, companies: 200, offers: 100 }, seconds: 1, warmup: 0, connections: 4, rate: 100 }, () => {});
  assert.equal(report.endpoints.length, 5);
  for (const f of [...report.baseline, ...report.endpoints, ...report.fixedRate]) {
    assert.ok(f.rps > 0, `${f.name}: no requests per second`);
    assert.ok(Number.isFinite(f.p99), `${f.name}: no p99`);
    assert.equal(f.failed, 0, `${f.name}: ${f.failed} answers were not 2xx`);
  }
  assert.equal(report.fixedRate.length, 2);
  assert.ok(report.rss.peak > 0);
  assert.ok(report.pledges.acknowledged > 0);
  assert.equal(report.pledges.lost, 0);
});
