/**
 * `kill -9` of the server while pledges and profile edits are in flight,
 * FAULT_ROUNDS times (5 by default) on the same file: after each restart,
 * every acknowledged write is there, whole, the file passes its integrity
 * check, and each unanswered request sent again with its Idempotency-Key
 * (or its If-Match) ends as exactly one row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { integrityOf, partialWrites, pledgeIds, request, signIn, startApi, suiteWorkspace, withDatabase } from './harness.ts';
import { WRITERS, checkAcknowledged, createPledge, editProfile, openLedger, profileMarks, startLoad, unauditedProfileEdits, versionOf, type Ledger, type Writer } from './load.ts';

const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 5);

const suite = suiteWorkspace();

test(`kill -9 during writes, ${ROUNDS} rounds: nothing acknowledged is lost, nothing happens twice`, { timeout: 60_000 + ROUNDS * 20_000 }, async (t) => {
  const { ws, track } = suite;
  // The demo's pledges, then each round's: no row may appear beyond them.
  const known = withDatabase(ws.file, pledgeIds);
  let api = track(await startApi(ws.file));
  const tokens = {} as Record<Writer, string>;
  for (const sub of WRITERS) tokens[sub] = await signIn(api.url, sub);
  const totals = { acked: 0, pending: 0, committedUnanswered: 0 };

  for (let round = 1; round <= ROUNDS; round++) {
    const ledger: Ledger = await openLedger(api.url, tokens);
    const start = withDatabase(ws.file, (db) => profileMarks(db, ledger));

    // Load, then a crash at a random moment once writes are flowing.
    const load = startLoad(api.url, tokens, ledger, `r${round}`);
    while (load.acked() < 10) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 400));
    await api.crash();
    await load.done;
    assert.deepEqual(ledger.unexpected, [], 'no writer got an error answer before the crash');

    const pending = ledger.pledges.filter((p) => p.pending);
    const acked = ledger.pledges.filter((p) => p.id);
    totals.acked += load.acked();
    totals.pending += pending.length + WRITERS.filter((s) => ledger.profiles[s].pending).length;

    // The file as the restarted server finds it.
    withDatabase(ws.file, (db) => {
      assert.equal(integrityOf(db), 'ok');
      assert.deepEqual(checkAcknowledged(db, ledger), [], 'every acknowledged write survived');
      assert.deepEqual(partialWrites(db, known), { pledgesWithoutAudit: [], keysWithoutPledge: [], duplicateKeys: [] });
      assert.deepEqual(unauditedProfileEdits(db, ledger, start), [], 'each profile edit kept with its audit entry');
    });

    api = track(await startApi(ws.file));
    // Sessions survive the crash: the same tokens work.
    assert.equal((await request(api.url, 'GET', '/v1/me', { token: tokens['alumna-claire'] })).status, 200);

    // The unanswered pledges, sent again with the same keys: one row each, whether or not the first attempt had committed.
    for (const p of pending) {
      const res = await createPledge(api.url, tokens[p.sub], p);
      assert.equal(res.status, 201, `resent pledge ${p.key}: ${JSON.stringify(res.body)}`);
      if (res.headers.get('idempotent-replayed') === 'true') totals.committedUnanswered++;
      p.id = res.body.id as string;
      p.pending = false;
    }
    // An acknowledged one replays its first answer.
    const sample = acked[Math.floor(Math.random() * acked.length)]!;
    const replay = await createPledge(api.url, tokens[sample.sub], sample);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body.id, sample.id);

    // The unanswered profile edits, sent again with the same If-Match: applied once (200), or already applied (412 with it as current).
    for (const sub of WRITERS) {
      const state = ledger.profiles[sub];
      if (!state.pending) continue;
      const res = await editProfile(api.url, tokens[sub], state.personId, state.pending);
      if (res.status === 412) {
        totals.committedUnanswered++;
        assert.equal((res.body.current as { bio: string }).bio, state.pending.bio, `${sub}: the version after the acknowledged one is the unanswered edit`);
      } else assert.equal(res.status, 200, `resent profile edit of ${sub}: ${res.status} ${JSON.stringify(res.body)}`);
      state.acked = { version: versionOf(res.headers.get('etag')), bio: state.pending.bio };
      state.pending = undefined;
    }

    const ids = ledger.pledges.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, 'each key has its own pledge');
    withDatabase(ws.file, (db) => {
      const created = pledgeIds(db).filter((id) => !known.includes(id));
      const all = new Set(created);
      assert.ok(ids.every((id) => id !== undefined && all.has(id)), 'every pledge sent has its row');
      assert.deepEqual(checkAcknowledged(db, ledger), []);
      assert.deepEqual(partialWrites(db, known), { pledgesWithoutAudit: [], keysWithoutPledge: [], duplicateKeys: [] });
      assert.deepEqual(unauditedProfileEdits(db, ledger, start), []);
    });
    known.push(...ids.map(String));
    assert.equal(withDatabase(ws.file, pledgeIds).length, known.length, 'no pledge beyond one per key sent');
  }
  t.diagnostic(
    `${ROUNDS} crashes: ${totals.acked} acknowledged writes checked, ${totals.pending} unanswered ones resent (${totals.committedUnanswered} had committed before the crash), none lost or doubled`,
  );
});
