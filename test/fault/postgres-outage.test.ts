/**
 * PostgreSQL taken away under load, then given back (issue 15 item 8). Two
 * API instances reach the database through a TCP proxy (the machine's
 * PostgreSQL, used by other tests, is never stopped): cutting it drops
 * every connection and refuses new ones, as a stopped server does. Writers
 * and readers keep going, as well-behaved clients: a write answered 503 is
 * sent again with its Idempotency-Key (or its If-Match) until it is
 * answered. While the database is away every answer is 503 problem+json
 * with Retry-After, within seconds: never a 500, never a hang; /ready says
 * 503. Once it is back, service resumes without a restart, and every write
 * is stored exactly once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINE, partialWrites, pledgeIds, request, signIn, startApi, suiteWorkspace, withDatabase, type Api, type Reply } from './harness.ts';
import { WRITERS, checkAcknowledged, createPledge, editProfile, newPledge, openLedger, versionOf, type Ledger, type PledgeRequest, type Writer } from './load.ts';
import { tcpProxy } from './tcp-proxy.ts';

const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_MS ?? 6_000);
/** An answer later than this is a hang (the pool gives up on a connection after 5 s). */
const ANSWER_WITHIN_MS = 10_000;

const suite = suiteWorkspace();

/** `restoring`: from just before the proxy listens again until it does (a request then may find the database back, or not). */
type Phase = 'before' | 'outage' | 'restoring' | 'back';
interface Answer {
  /** The phase when the request was sent, and when it was answered. */
  sent: Phase;
  answered: Phase;
  what: string;
  status: number;
  ms: number;
  type: string | null;
  retryAfter: string | null;
  code: unknown;
}

test(`PostgreSQL unreachable under load (${ENGINE === 'postgres' ? 'postgres' : 'PostgreSQL only: set PASSERELLE_TEST_POSTGRES'}): every answer 503 problem+json with Retry-After, never a 500 or a hang; service resumes without a restart, every write stored once`, { skip: ENGINE !== 'postgres', timeout: 240_000 }, async (t) => {
  const { ws, track } = suite;
  const seeded = await withDatabase(ws.url, pledgeIds);
  const database = new URL(ws.url);
  const proxy = await tcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
  t.after(() => proxy.close());
  const proxied = new URL(ws.url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  const apis: Api[] = [track(await startApi(proxied.toString())), track(await startApi(proxied.toString()))];
  const tokens = {} as Record<Writer, string>;
  for (const [i, sub] of WRITERS.entries()) tokens[sub] = await signIn(apis[i % 2]!.url, sub);
  const ledger: Ledger = await openLedger(apis[0]!.url, tokens);

  let phase: Phase = 'before';
  let running = true;
  const answers: Answer[] = [];
  /** Sends, times and records one request; a 503 is expected while the database is away, anything else but 2xx is kept to fail the test. */
  const send = async (what: string, go: () => Promise<Reply>): Promise<Reply> => {
    const sent = phase;
    const began = performance.now();
    const res = await go();
    answers.push({ sent, answered: phase, what, status: res.status, ms: performance.now() - began, type: res.headers.get('content-type'), retryAfter: res.headers.get('retry-after'), code: res.body.code });
    // Pacing after a refusal, not a wait for a condition: the client comes back at once, as under load.
    if (res.status === 503) await new Promise((r) => setTimeout(r, 50));
    return res;
  };

  // Per writer, through alternate instances: pledges (each sent until answered 201, with its key), one profile edit at a time (sent until answered), and reads.
  const pledgeLoop = async (sub: Writer, api: string) => {
    let p: PledgeRequest | undefined;
    while (running || p) {
      p ??= newPledge(sub, 'outage');
      if (!ledger.pledges.includes(p)) ledger.pledges.push(p);
      p.pending = true;
      const res = await send('POST /v1/pledges', () => createPledge(api, tokens[sub], p!));
      if (res.status === 503) continue;
      // Anything else but 201 is counted against the test below; the pledge is given up.
      if (res.status !== 201) {
        p = undefined;
        continue;
      }
      p.id = res.body.id as string;
      p.pending = false;
      p = undefined;
    }
  };
  const profileLoop = async (sub: Writer, api: string) => {
    const state = ledger.profiles[sub];
    let n = 0;
    while (running || state.pending) {
      state.pending ??= { bio: `outage ${sub} edit ${++n}`, ifMatch: state.etag };
      const edit = state.pending;
      const res = await send('PATCH /v1/profiles/:id', () => editProfile(api, tokens[sub], state.personId, edit));
      // 412 showing this very edit: a try whose answer was lost had committed it (the connection died after COMMIT reached the server).
      const committed = res.status === 412 && (res.body.current as { bio?: string } | undefined)?.bio === edit.bio;
      if (res.status === 503) continue;
      if (res.status !== 200 && !committed) {
        // Counted against the test below; the edit is given up.
        state.pending = undefined;
        running = false;
        continue;
      }
      state.etag = res.headers.get('etag')!;
      state.acked = { version: versionOf(state.etag), bio: edit.bio };
      state.pending = undefined;
    }
  };
  const readLoop = async (sub: Writer, api: string) => {
    while (running) await send('GET /v1/pledges', () => request(api, 'GET', '/v1/pledges', { token: tokens[sub] }));
  };
  // A request without an answer (no answer within the client's 15 s, a connection cut) ends the loops: the test fails with it.
  let lost: unknown;
  const loops = Promise.all(WRITERS.flatMap((sub, i) => [pledgeLoop(sub, apis[i % 2]!.url), profileLoop(sub, apis[(i + 1) % 2]!.url), readLoop(sub, apis[i % 2]!.url)])).catch((error: unknown) => {
    lost = error;
    running = false;
  });
  const until = async (condition: () => boolean, what: string) => {
    const deadline = performance.now() + 90_000;
    while (!condition()) {
      if (lost !== undefined) throw new Error(`a request got no answer while waiting for ${what}`, { cause: lost });
      if (performance.now() > deadline) {
        // The loops end when the servers stop, after the test.
        running = false;
        throw new Error(`still waiting for ${what} after 90 s; last answers: ${answers.slice(-5).map((a) => `${a.what} ${a.status} ${String(a.code)}`).join(', ')}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  // Under load, then the database goes away.
  await until(() => answers.filter((a) => a.status < 300).length >= 40, '40 answers under load');
  await proxy.cut();
  phase = 'outage';
  const cutAt = performance.now();
  await until(() => performance.now() - cutAt >= OUTAGE_MS && answers.filter((a) => a.sent === 'outage').length >= 40, '40 answers during the outage');
  const readyDuring = await Promise.all(apis.map((api) => request(api.url, 'GET', '/ready')));
  const liveDuring = await Promise.all(apis.map((api) => request(api.url, 'GET', '/health')));

  // It comes back: no restart, the same processes.
  phase = 'restoring';
  await proxy.restore();
  phase = 'back';
  const restoredAt = performance.now();
  const firstBack = () => answers.find((a) => a.sent === 'back' && a.status < 300);
  await until(() => firstBack() !== undefined, 'a 2xx once the database is back');
  const recoveryMs = performance.now() - restoredAt;
  await until(() => answers.filter((a) => a.sent === 'back' && a.status < 300).length >= 80, '80 answers once the database is back');
  running = false;
  await loops;
  assert.equal(lost, undefined, 'every request got an answer');
  const readyAfter = await Promise.all(apis.map((api) => request(api.url, 'GET', '/ready')));

  const describe = (a: Answer) => `${a.what} sent ${a.sent}, answered ${a.answered}: ${a.status} ${a.type} retry-after ${a.retryAfter} ${String(a.code)} in ${Math.round(a.ms)} ms`;
  const logged = `\nthe servers logged:\n${apis.flatMap((api) => api.warnings()).slice(-40).join('\n')}`;
  // Sent and answered while it was away (one sent just before it came back may find it back).
  const during = answers.filter((a) => a.sent === 'outage' && a.answered === 'outage');
  const unavailable = answers.filter((a) => a.status === 503);
  assert.deepEqual(answers.filter((a) => a.status >= 300 && a.status !== 503 && !(a.status === 412 && a.what.startsWith('PATCH'))).map(describe), [], `only 2xx and 503 (and the 412 of a resent edit)${logged}`);
  assert.ok(during.length >= 20, `requests made while the database was away: ${during.length}`);
  assert.deepEqual(during.filter((a) => a.status !== 503).map(describe), [], 'every request sent and answered while the database is away is 503');
  assert.deepEqual(during.filter((a) => a.code !== 'server.databaseUnreachable').map(describe), [], 'each says the database cannot be reached (not that it is busy)');
  assert.deepEqual(unavailable.filter((a) => a.type !== 'application/problem+json' || !/^\d+$/.test(a.retryAfter ?? '')).map(describe), [], 'each 503 is problem+json with Retry-After');
  assert.deepEqual(answers.filter((a) => a.ms > ANSWER_WITHIN_MS).map(describe), [], `every answer within ${ANSWER_WITHIN_MS / 1000} s`);
  assert.deepEqual(readyDuring.map((r) => r.status), [503, 503], '/ready says the instances cannot serve');
  assert.deepEqual(liveDuring.map((r) => r.status), [200, 200], '/health: the processes live');
  assert.deepEqual(readyAfter.map((r) => r.status), [200, 200], '/ready again once the database is back');
  const afterFirst = answers.slice(answers.indexOf(firstBack()!)).filter((a) => a.sent === 'back');
  assert.deepEqual(afterFirst.filter((a) => a.status >= 300 && a.status !== 412).map(describe), [], 'once an answer comes back, every one does');

  // Every write exactly once: each pledge under its key (those answered 503 were sent again until answered), each edit's version.
  const ids = ledger.pledges.map((p) => p.id);
  assert.ok(ids.every((id) => id !== undefined), 'every pledge was answered 201 in the end');
  assert.equal(new Set(ids).size, ids.length, 'each key has its own pledge');
  await withDatabase(ws.url, async (db) => {
    assert.deepEqual(await checkAcknowledged(db, ledger), [], 'every acknowledged write stored as acknowledged');
    assert.deepEqual(await partialWrites(db, seeded), { pledgesWithoutAudit: [], keysWithoutPledge: [], duplicateKeys: [] });
    assert.equal((await pledgeIds(db)).length, seeded.length + ids.length, 'one row per pledge, none for a refused try');
  });
  t.diagnostic(
    `${answers.length} answers: ${during.length} sent during the ${Math.round(OUTAGE_MS / 1000)} s outage, all 503 (slowest ${Math.round(Math.max(...during.map((a) => a.ms)))} ms); ` +
      `first 2xx ${Math.round(recoveryMs)} ms after the database came back; ${ids.length} pledges stored once; ${proxy.connections()} connections through the proxy`,
  );
});
