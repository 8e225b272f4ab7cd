/**
 * `passerelle backup` while writers keep writing, then `passerelle restore`
 * into a new file and a server on it: the backup is sound, the restore
 * holds exactly the backup's rows, and every write acknowledged before the
 * backup began is there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cli, integrityOf, request, signIn, startApi, suiteWorkspace, withDatabase } from './harness.ts';
import { WRITERS, openLedger, startLoad, type Writer } from './load.ts';

interface Report {
  path: string;
  bytes: number;
  integrity: string;
  tables: Record<string, number>;
}

// A SQLite file's online backup (on PostgreSQL, backups are pg_dump's: the CLI says so).
const suite = suiteWorkspace({ engine: 'sqlite' });

test('an online backup during writes restores into a working database with the same rows', { timeout: 120_000 }, async (t) => {
  const { ws, track } = suite;
  const api = track(await startApi(ws.url));
  const tokens = {} as Record<Writer, string>;
  for (const sub of WRITERS) tokens[sub] = await signIn(api.url, sub);
  const ledger = await openLedger(api.url, tokens);
  const load = startLoad(api.url, tokens, ledger, 'backup');
  while (load.acked() < 20) await new Promise((r) => setTimeout(r, 10));

  // What was acknowledged before the backup began must be in it.
  const ackedPledges = ledger.pledges.filter((p) => p.id).map((p) => ({ ...p }));
  const ackedBefore = load.acked();
  const ackedVersions = Object.fromEntries(WRITERS.map((sub) => [sub, ledger.profiles[sub].acked?.version ?? 0]));
  const backupFile = join(ws.dir, 'backup.db');
  const began = Date.now();
  const { backup } = JSON.parse(await cli(ws.url, 'backup', backupFile, '--json')) as { backup: Report };
  const backupMs = Date.now() - began;
  const ackedDuring = load.acked() - ackedBefore;

  // Restoring over the live database is refused while the server has it open.
  await assert.rejects(cli(ws.url, 'restore', backupFile), /in use/);
  await load.stop();
  assert.deepEqual(ledger.unexpected, []);

  assert.equal(backup.integrity, 'ok');
  assert.equal(backup.path, backupFile);
  assert.equal(statSync(backupFile).size, backup.bytes);
  assert.ok(!existsSync(`${backupFile}-wal`), 'the backup is one file');
  assert.ok((backup.tables.pledges ?? 0) >= ackedPledges.length);
  await withDatabase(backupFile, async (db) => assert.equal(await integrityOf(db), 'ok'));

  // Restore into a new place, and serve it.
  const restoredFile = join(ws.dir, 'restored', 'passerelle.db');
  mkdirSync(join(ws.dir, 'restored'));
  const { restored, previous } = JSON.parse(await cli(restoredFile, 'restore', backupFile, '--json')) as { restored: Report; previous: string | null };
  assert.equal(previous, null);
  assert.equal(restored.integrity, 'ok');
  assert.deepEqual(restored.tables, backup.tables, 'the restore holds the rows the backup reported');

  const second = track(await startApi(restoredFile));
  for (const p of ackedPledges) {
    const res = await request(second.url, 'GET', `/v1/pledges/${p.id}`, { token: tokens[p.sub] });
    assert.equal(res.status, 200, `pledge ${p.id} acknowledged before the backup`);
    assert.equal(res.body.amountCents, p.body.amountCents);
  }
  for (const sub of WRITERS) {
    const res = await request(second.url, 'GET', `/v1/profiles/${ledger.profiles[sub].personId}`, { token: tokens[sub] });
    assert.equal(res.status, 200);
    assert.ok(Number(/"(\d+)"/.exec(res.headers.get('etag') ?? '')?.[1]) >= ackedVersions[sub]!, `${sub}'s profile at least at the version acknowledged before the backup`);
  }
  await second.stop();
  const after = JSON.parse(await cli(restoredFile, 'backup', join(ws.dir, 'check.db'), '--json')) as { backup: Report };
  assert.deepEqual(after.backup.tables, backup.tables, 'the served restore still has exactly the backup’s rows');

  t.diagnostic(`backup of ${(backup.bytes / 1024).toFixed(0)} KiB took ${backupMs} ms (CLI start included) while ${ackedDuring} more writes were acknowledged; ${backup.tables.pledges} pledges, ${backup.tables.audit_log} audit entries restored`);
});
