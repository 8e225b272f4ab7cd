/**
 * The load benchmark's smoke runs: the same code as `bench/api.ts` on a tiny
 * database, one second per endpoint. They prove that the benchmark still
 * runs on both engines and that nothing answers anything but 2xx under
 * concurrent load; the figures themselves mean nothing at this size.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runLoad } from './load.ts';

const scale = { profiles: 200, companies: 200, offers: 100 };

test('the API load benchmark runs and every answer under load is a 2xx', { timeout: 60_000 }, async () => {
  const report = await runLoad({ scale, seconds: 1, warmup: 0, connections: 4, rate: 100 }, () => {});
  assert.equal(report.endpoints.length, 6);
  assert.equal(report.writeBaseline.length, 2);
  for (const f of [...report.baseline, ...report.writeBaseline, ...report.endpoints, ...report.fixedRate]) {
    assert.ok(f.rps > 0, `${f.name}: no requests per second`);
    assert.ok(Number.isFinite(f.p99), `${f.name}: no p99`);
    assert.equal(f.failed, 0, `${f.name}: ${f.failed} answers were not 2xx (${f.failures})`);
  }
  assert.equal(report.fixedRate.length, 2);
  assert.ok(report.rss.peak > 0);
  assert.ok(report.pledges.acknowledged > 0);
  assert.equal(report.pledges.lost, 0);
});

// Only the pledge endpoint on PostgreSQL, to stay well under a minute: it takes the copy to PostgreSQL,
// the node-postgres baseline, a write on one instance then on two sharing the load, and the read-back of every pledge acknowledged.
test('on PostgreSQL, on one instance then two, every pledge acknowledged under load is stored', { timeout: 60_000 }, async () => {
  const report = await runLoad({ scale, seconds: 1, warmup: 0, connections: 4, rate: 0, only: 'pledges', engine: 'postgres', twoInstances: true }, () => {});
  assert.equal(report.engine, 'postgres');
  assert.equal(report.endpoints.length, 1);
  assert.equal(report.twoInstances.length, 1);
  for (const f of [...report.baseline, ...report.writeBaseline, ...report.endpoints, ...report.twoInstances]) {
    assert.ok(f.rps > 0, `${f.name}: no requests per second`);
    assert.equal(f.failed, 0, `${f.name}: ${f.failed} answers were not 2xx (${f.failures})`);
  }
  assert.ok(report.pledges.acknowledged > 0);
  assert.equal(report.pledges.lost, 0);
});
