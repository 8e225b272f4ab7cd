/**
 * `kill -9` of one of two API instances while pledges and profile edits are
 * in flight, FAULT_ROUNDS times (5 by default) on the same database: the
 * other instance keeps answering every write it is sent (2xx) through the
 * crash; after each crash every acknowledged write is there, whole, a
 * SQLite file passes its integrity check, and each unanswered request sent
 * again to the surviving instance with its Idempotency-Key (or its
 * If-Match) ends as exactly one row. Then the killed instance restarts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE, integrityOf, partialWrites, pledgeIds, request, signIn, startApi, suiteWorkspace, withDatabase } from './harness.ts';
import { WRITERS, checkAcknowledged, createPledge, editProfile, openLedger, profileMarks, startLoad, unauditedProfileEdits, versionOf, type Ledger, type Writer } from './load.ts';

const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 5);

const suite = suiteWorkspace();

test(`kill -9 of one of two instances during writes (${ENGINE}), ${ROUNDS} rounds: nothing acknowledged is lost, nothing happens twice, the other keeps answering`, { timeout: 90_000 + ROUNDS * 30_000 }, async (t) => {
  const { ws, track } = suite;
  // The demo's pledges, then each round's: no row may appear beyond them.
  const known = await withDatabase(ws.url, pledgeIds);
  let victim = track(await startApi(ws.url));
  const survivor = track(await startApi(ws.url));
  const tokens = {} as Record<Writer, string>;
  // Sessions live in the database: a token from one instance works on the other.
  for (const [i, sub] of WRITERS.entries()) tokens[sub] = await signIn(i % 2 ? survivor.url : victim.url, sub);
  const totals = { acked: 0, survivorAcked: 0, pending: 0, committedUnanswered: 0 };

  for (let round = 1; round <= ROUNDS; round++) {
    const ledger: Ledger = await openLedger(victim.url, tokens);
    // The survivor's writers pledge only (the profiles are the victim's writers' to edit).
    const survivorLedger: Ledger = { pledges: [], profiles: ledger.profiles, unexpected: [] };
    const start = await withDatabase(ws.url, (db) => profileMarks(db, ledger));

    // Load on both, then a crash of one at a random moment once writes are flowing.
    const load = startLoad(victim.url, tokens, ledger, `r${round}`);
    const survivorLoad = startLoad(survivor.url, tokens, survivorLedger, `s${round}`, { profiles: false });
    while (load.acked() < 10) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 400));
    await victim.crash();
    await load.done;
    // The survivor goes on writing after the crash before its writers stop.
    const atCrash = survivorLoad.acked();
    while (survivorLoad.acked() < atCrash + 20) await new Promise((r) => setTimeout(r, 10));
    await survivorLoad.stop();
    assert.deepEqual(ledger.unexpected, [], 'no writer got an error answer before the crash');
    assert.deepEqual(survivorLedger.unexpected, [], 'the surviving instance answered every write 2xx, through the crash');
    assert.deepEqual(survivorLedger.pledges.filter((p) => p.pending).map((p) => p.key), [], 'the surviving instance answered every request');
    ledger.pledges.push(...survivorLedger.pledges);

    const pending = ledger.pledges.filter((p) => p.pending);
    const acked = ledger.pledges.filter((p) => p.id);
    totals.acked += load.acked() + survivorLoad.acked();
    totals.survivorAcked += survivorLoad.acked();
    totals.pending += pending.length + WRITERS.filter((s) => ledger.profiles[s].pending).length;

    // The database as the other instance (and the restarted one) finds it.
    await withDatabase(ws.url, async (db) => {
      assert.equal(await integrityOf(db), 'ok');
      assert.deepEqual(await checkAcknowledged(db, ledger), [], 'every acknowledged write survived');
      assert.deepEqual(await partialWrites(db, known), { pledgesWithoutAudit: [], keysWithoutPledge: [], duplicateKeys: [] });
      assert.deepEqual(await unauditedProfileEdits(db, ledger, start), [], 'each profile edit kept with its audit entry');
    });

    // The unanswered pledges, sent again with the same keys to the surviving instance (as a load balancer would): one row each, whether or not the first attempt had committed.
    for (const p of pending) {
      const res = await createPledge(survivor.url, tokens[p.sub], p);
      assert.equal(res.status, 201, `resent pledge ${p.key}: ${JSON.stringify(res.body)}`);
      if (res.headers.get('idempotent-replayed') === 'true') totals.committedUnanswered++;
      p.id = res.body.id as string;
      p.pending = false;
    }
    // The unanswered profile edits, sent again with the same If-Match: applied once (200), or already applied (412 with it as current).
    for (const sub of WRITERS) {
      const state = ledger.profiles[sub];
      if (!state.pending) continue;
      const res = await editProfile(survivor.url, tokens[sub], state.personId, state.pending);
      if (res.status === 412) {
        totals.committedUnanswered++;
        assert.equal((res.body.current as { bio: string }).bio, state.pending.bio, `${sub}: the version after the acknowledged one is the unanswered edit`);
      } else assert.equal(res.status, 200, `resent profile edit of ${sub}: ${res.status} ${JSON.stringify(res.body)}`);
      state.acked = { version: versionOf(res.headers.get('etag')), bio: state.pending.bio };
      state.pending = undefined;
    }

    victim = track(await startApi(ws.url));
    // Sessions survive the crash: the same tokens work on the restarted instance.
    assert.equal((await request(victim.url, 'GET', '/v1/me', { token: tokens['alumna-claire'] })).status, 200);
    // An acknowledged pledge replays its first answer there.
    const sample = acked[Math.floor(Math.random() * acked.length)]!;
    const replay = await createPledge(victim.url, tokens[sample.sub], sample);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body.id, sample.id);

    const ids = ledger.pledges.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, 'each key has its own pledge');
    await withDatabase(ws.url, async (db) => {
      const all = new Set(await pledgeIds(db));
      assert.ok(ids.every((id) => id !== undefined && all.has(id)), 'every pledge sent has its row');
      assert.deepEqual(await checkAcknowledged(db, ledger), []);
      assert.deepEqual(await partialWrites(db, known), { pledgesWithoutAudit: [], keysWithoutPledge: [], duplicateKeys: [] });
      assert.deepEqual(await unauditedProfileEdits(db, ledger, start), []);
    });
    known.push(...ids.map(String));
    assert.equal((await withDatabase(ws.url, pledgeIds)).length, known.length, 'no pledge beyond one per key sent');
  }
  t.diagnostic(
    `${ROUNDS} crashes of one of two instances: ${totals.acked} acknowledged writes checked (${totals.survivorAcked} by the surviving instance, every one answered 2xx), ${totals.pending} unanswered ones resent to it (${totals.committedUnanswered} had committed before the crash), none lost or doubled`,
  );
});
