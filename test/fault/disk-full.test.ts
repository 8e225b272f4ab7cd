/**
 * A full disk, rehearsed with DATABASE_MAX_PAGES (PRAGMA max_page_count):
 * writes answer 507 problem+json and leave nothing half-written, reads go
 * on, and once there is room again the refused write goes through — once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { integrityOf, partialWrites, pledgeIds, request, signIn, startApi, suiteWorkspace, withDatabase, type Reply } from './harness.ts';
import { pledgeKeyLocations, sqlitePragma } from '../../server/src/db/read-back.ts';
import { WRITERS, createPledge, editProfile, openLedger, profileMarks, unauditedProfileEdits, type PledgeRequest, type Writer } from './load.ts';

// SQLite's page cap (DATABASE_MAX_PAGES) rehearses the full disk: a SQLite file's own behaviour.
const suite = suiteWorkspace({ engine: 'sqlite' });

const address = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' };
let serial = 0;
const pledge = (sub: Writer): PledgeRequest => {
  const key = `full-${sub}-${++serial}`;
  return { sub, key, body: { kind: 'donation', amountCents: 500 + serial, frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', fullName: `Donor ${key} ${'x'.repeat(150)}`, address }, publicThanks: false } };
};

test('a full database refuses writes with 507, keeps every write whole, serves reads, and recovers', { timeout: 120_000 }, async (t) => {
  const { ws, track } = suite;
  const seeded = await withDatabase(ws.url, pledgeIds);
  // Room for signing in (a write too) and a few dozen pledges, no more.
  const cap = (await withDatabase(ws.url, async (db) => Number(sqlitePragma(db, 'page_count')))) + 40;
  const api = track(await startApi(ws.url, { DATABASE_MAX_PAGES: String(cap) }));
  const url = api.url;
  const tokens = {} as Record<Writer, string>;
  for (const sub of WRITERS) tokens[sub] = await signIn(url, sub);
  const ledger = await openLedger(url, tokens);
  const start = await withDatabase(ws.url, (db) => profileMarks(db, ledger));

  // Four writers at once until each is refused.
  const accepted: PledgeRequest[] = [];
  const refused: Array<{ p: PledgeRequest; res: Reply }> = [];
  await Promise.all(
    WRITERS.map(async (sub) => {
      for (let i = 0; i < 500; i++) {
        const p = pledge(sub);
        const res = await createPledge(url, tokens[sub], p);
        if (res.status === 201) accepted.push({ ...p, id: res.body.id as string });
        else {
          refused.push({ p, res });
          return;
        }
      }
    }),
  );
  assert.ok(accepted.length > 0, `some writes fitted under the cap: ${JSON.stringify(refused[0]?.res.body)}`);
  assert.equal(refused.length, WRITERS.length);
  for (const { res } of refused) {
    assert.equal(res.status, 507, JSON.stringify(res.body));
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal(res.body.type, 'https://passerelle.dev/problems/storage-full');
    // Signed-in demo people read French (their profile's language; the request names none).
    assert.equal(res.body.code, 'server.storageFull');
    assert.match(String(res.body.detail), /rien n’a été enregistré/);
  }

  // A profile edit is refused the same way, once the last free page is taken.
  const claire = ledger.profiles['alumna-claire'];
  let edit: Reply | undefined;
  for (let i = 0; i < 50; i++) {
    edit = await editProfile(url, tokens['alumna-claire'], claire.personId, { bio: `full ${i} ${'b'.repeat(580)}`, ifMatch: claire.etag });
    if (edit.status !== 200) break;
    claire.etag = edit.headers.get('etag')!;
  }
  assert.equal(edit?.status, 507);

  // Reads go on.
  for (const sub of WRITERS) {
    assert.equal((await request(url, 'GET', '/v1/me', { token: tokens[sub] })).status, 200);
    assert.equal((await request(url, 'GET', '/v1/pledges', { token: tokens[sub] })).status, 200);
    assert.equal((await request(url, 'GET', `/v1/profiles/${ledger.profiles[sub].personId}`, { token: tokens[sub] })).status, 200);
  }

  // Nothing half-written: each accepted pledge with its audit entry and key, no refused one at all.
  await withDatabase(ws.url, async (db) => {
    assert.equal(await integrityOf(db), 'ok');
    assert.deepEqual(await partialWrites(db, seeded), { pledgesWithoutAudit: [], keysWithoutPledge: [], duplicateKeys: [] });
    assert.deepEqual(await unauditedProfileEdits(db, ledger, start), []);
    assert.equal((await pledgeIds(db)).length, seeded.length + accepted.length);
    const keys = (await pledgeKeyLocations(db)).filter((k) => k.key.startsWith('full-'));
    assert.equal(keys.length, accepted.length, 'a refused request leaves no key behind');
  });

  // Room again (the operator freed space: here, a restart without the cap). The refused requests, retried with their keys, go through once.
  await api.stop();
  const roomy = track(await startApi(ws.url));
  for (const { p } of refused) {
    const res = await createPledge(roomy.url, tokens[p.sub], p);
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('idempotent-replayed'), null, 'the refused attempt had stored nothing');
  }
  const retried = await editProfile(roomy.url, tokens['alumna-claire'], claire.personId, { bio: 'room again', ifMatch: claire.etag });
  assert.equal(retried.status, 200);
  await withDatabase(ws.url, async (db) => {
    assert.equal((await pledgeIds(db)).length, seeded.length + accepted.length + refused.length);
    assert.deepEqual(await partialWrites(db, seeded), { pledgesWithoutAudit: [], keysWithoutPledge: [], duplicateKeys: [] });
  });
  t.diagnostic(`cap of ${cap} pages: ${accepted.length} pledges fitted, then 507 for each of ${refused.length} writers and for a profile edit; reads answered; after the cap was lifted the ${refused.length} refused pledges went through once`);
});
