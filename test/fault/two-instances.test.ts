/**
 * Two API processes on one database (a SQLite file, or PostgreSQL), as
 * behind a load balancer: bursts of 80 writes sent at once, split between
 * them (pledges with their own Idempotency-Key, and one profile edit per
 * person with the If-Match of its previous answer). Every answer is 2xx —
 * a write transaction that waits for the other process's write lock (or
 * loses a serialization conflict) must wait or run again, not fail with
 * 503 — and every acknowledged write is stored, once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE, cli, integrityOf, partialWrites, pledgeIds, request, signIn, startApi, suiteWorkspace, withDatabase } from './harness.ts';
import { profileMark } from '../../server/src/db/read-back.ts';
import { WRITERS, checkAcknowledged, createPledge, editProfile, newPledge, openLedger, profileMarks, unauditedProfileEdits, versionOf, type Writer } from './load.ts';

const BURSTS = Number(process.env.FAULT_BURSTS ?? 3);
const WRITES_PER_BURST = 80;

const suite = suiteWorkspace();

test(`two instances on one database (${ENGINE}), ${BURSTS} bursts of ${WRITES_PER_BURST} concurrent writes: every answer 2xx, every write stored once`, { timeout: 60_000 + BURSTS * 20_000 }, async (t) => {
  const { ws, track } = suite;
  const seeded = await withDatabase(ws.url, pledgeIds);
  // One after the other: the second finds the migrations applied.
  const first = track(await startApi(ws.url));
  const second = track(await startApi(ws.url));
  const instances = [first.url, second.url];
  const tokens = {} as Record<Writer, string>;
  // Sessions live in the shared database: a token from one instance works on the other.
  for (const [i, sub] of WRITERS.entries()) tokens[sub] = await signIn(instances[i % 2]!, sub);
  const ledger = await openLedger(first.url, tokens);
  const start = await withDatabase(ws.url, (db) => profileMarks(db, ledger));

  const refused: string[] = [];
  let acked = 0;
  for (let burst = 1; burst <= BURSTS; burst++) {
    // One profile edit per person (each needs the previous version's ETag), the rest pledges.
    const writes: Array<(url: string) => Promise<void>> = WRITERS.map((sub) => async (url) => {
      const state = ledger.profiles[sub];
      const edit = { bio: `burst ${burst} ${sub}`, ifMatch: state.etag };
      const res = await editProfile(url, tokens[sub], state.personId, edit);
      if (res.status !== 200) return void refused.push(`PATCH profile as ${sub}: ${res.status} ${JSON.stringify(res.body)}`);
      state.etag = res.headers.get('etag')!;
      state.acked = { version: versionOf(state.etag), bio: edit.bio };
      acked++;
    });
    for (let i = writes.length; i < WRITES_PER_BURST; i++) {
      const p = newPledge(WRITERS[i % WRITERS.length]!, `b${burst}`);
      ledger.pledges.push(p);
      writes.push(async (url) => {
        const res = await createPledge(url, tokens[p.sub], p);
        if (res.status !== 201) return void refused.push(`POST /v1/pledges as ${p.sub}: ${res.status} ${JSON.stringify(res.body)}`);
        p.id = res.body.id as string;
        acked++;
      });
    }
    await Promise.all(writes.map((write, i) => write(instances[i % 2]!)));
  }

  const unavailable = refused.filter((r) => /: 503 /.test(r)).length;
  t.diagnostic(`${acked} of ${BURSTS * WRITES_PER_BURST} writes acknowledged, ${unavailable} answered 503, ${refused.length - unavailable} other refusals`);
  assert.deepEqual(refused, [], `every write answered 2xx; the servers logged:\n${[...first.warnings(), ...second.warnings()].join('\n')}`);

  await withDatabase(ws.url, async (db) => {
    assert.equal(await integrityOf(db), 'ok');
    assert.deepEqual(await checkAcknowledged(db, ledger), [], 'every acknowledged write is stored as acknowledged');
    assert.deepEqual(await partialWrites(db, seeded), { pledgesWithoutAudit: [], keysWithoutPledge: [], duplicateKeys: [] });
    assert.deepEqual(await unauditedProfileEdits(db, ledger, start), [], 'each profile edit stored once, with its audit entry');
    const ids = ledger.pledges.flatMap((p) => (p.id ? [p.id] : []));
    assert.equal(new Set(ids).size, ids.length, 'each key has its own pledge');
    assert.equal((await pledgeIds(db)).length, seeded.length + ids.length, 'one row per acknowledged pledge, none for a refused one');
    for (const sub of WRITERS) {
      const { version } = await profileMark(db, ledger.profiles[sub].personId);
      assert.equal(version, start[sub].version + BURSTS, `${sub}'s profile moved one version per burst`);
    }
  });
});

test(`two instances on one database (${ENGINE}): an origin the CLI adds is honoured by both, which had kept its refusal in memory`, { timeout: 60_000 }, async (t) => {
  const { ws, track } = suite;
  const origin = 'https://alumni.two-instances.test';
  const instances = [track(await startApi(ws.url)).url, track(await startApi(ws.url)).url];
  const tokens = await Promise.all(instances.map((url) => signIn(url, 'student-ines')));
  const status = async (i: number) => (await request(instances[i]!, 'GET', '/v1/profiles/me', { token: tokens[i], headers: { origin } })).status;
  // Refused on each, twice: the second answer comes from what the instance keeps (once it listens, on PostgreSQL).
  for (const i of [0, 1]) for (let n = 0; n < 2; n++) assert.equal(await status(i), 403);
  await cli(ws.url, 'tenant', 'origin', 'add', 'demo', origin);
  const added = Date.now();
  // Each instance is asked again until it honours the origin (the notice travels between processes); how long it took is printed.
  const honoured = await Promise.all(
    [0, 1].map(async (i) => {
      while ((await status(i)) !== 200) await new Promise((next) => setTimeout(next, 10));
      return Date.now() - added;
    }),
  );
  t.diagnostic(`honoured ${honoured.map((ms) => `${ms} ms`).join(' and ')} after the CLI exited`);
});
