/**
 * Sign-in by email code against guessing, over real HTTP with the default
 * configuration: at most 10 wrong codes per address in 24 hours whatever is
 * asked for, then 6-digit codes are paused and the owner gets a long code
 * that signs in; at most 30 wrong codes per client address in 15 minutes;
 * the same answers for known, unknown and paused addresses; no dev outbox.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rowsOf, tablesOf, isProblem, type Api, type Reply } from './harness.ts';
import { startForThisFile } from './fixtures.ts';

let api: Api;
startForThisFile((started) => (api = started));

const MINUTE = 60_000;
const shortCodeOf = (mail: { subject: string }) => /(\d{6})$/.exec(mail.subject)?.[1];
const longCodeOf = (mail: { text: string }) => /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(mail.text)?.[1];
const wrongFor = (code: string | undefined) => (code === '000000' ? '111111' : '000000');

function person(email: string) {
  return {
    ask: () => api.send('POST', '/v1/auth/email', { body: { tenant: 'demo', email } }),
    verify: (code: string) => api.send('POST', '/v1/auth/verify', { body: { tenant: 'demo', email, code } }),
    mails: () => api.t.mail.filter((m) => m.to === email),
  };
}

/** What an observer of the answer sees, but the Date header and the request's own id (new for every request, saying nothing of the address). */
const observed = (r: Reply) => ({ status: r.status, headers: [...r.headers.entries()].filter(([k]) => k !== 'date' && k !== 'x-request-id'), text: r.text });

describe('the dev outbox with the default configuration', () => {
  it('is 404, and no table keeps a mailed code in clear', async () => {
    const r = await api.send('GET', '/v1/dev/outbox');
    assert.equal(r.status, 404);
    assert.ok(isProblem(r));
    const someone = person('outbox-check@example.org');
    assert.equal((await someone.ask()).status, 202);
    const code = shortCodeOf(someone.mails().at(-1)!)!;
    assert.deepEqual(await rowsOf(api.t, 'SELECT * FROM dev_outbox'), []);
    for (const table of await tablesOf(api.t)) assert.doesNotMatch(JSON.stringify(await rowsOf(api.t, `SELECT * FROM "${table}"`)), new RegExp(`\\b${code}\\b`), table);
  });
});

describe('guessing codes for one address', () => {
  it('24 wrong codes over 5 codes asked for: refused after the 10th, the owner is mailed a long code, and it signs in', async () => {
    const victim = person('alumna.victim@example.org');
    let lastShort: string | undefined;
    const statuses: number[] = [];
    // The 10th wrong code is the first against the 3rd code (fresh): only the pause kills it.
    for (const guesses of [5, 4, 5, 5, 5]) {
      assert.equal((await victim.ask()).status, 202);
      const code = shortCodeOf(victim.mails().at(-1)!);
      if (code) lastShort = code;
      for (let i = 0; i < guesses; i++) statuses.push((await victim.verify(wrongFor(code))).status);
      api.t.clock.advance(4 * MINUTE); // paced under 5 codes per 15 minutes
    }
    assert.deepEqual(statuses, Array(24).fill(401));
    assert.ok(lastShort);
    const right = await victim.verify(lastShort);
    assert.equal(right.status, 401, 'the right 6-digit code after the 10th wrong one');
    assert.ok(isProblem(right));
    const pauseMail = victim.mails().find((m) => /wrong codes entered/.test(m.subject));
    assert.ok(pauseMail, 'the pause email');
    assert.match(pauseMail.text, /Quelqu'un a saisi plusieurs codes de connexion erronés/);
    assert.match(pauseMail.text, /6-digit codes are paused/);
    const after = victim.mails().slice(victim.mails().indexOf(pauseMail));
    assert.ok(after.every((m) => !shortCodeOf(m) && longCodeOf(m)), 'only long codes after the pause');
    const signedIn = await victim.verify(longCodeOf(victim.mails().at(-1)!)!.replace(/-/g, '').toLowerCase());
    assert.equal(signedIn.status, 200);
    assert.equal((await api.send('GET', '/v1/me', { token: (signedIn.json as { token: string }).token })).status, 200);
  });

  it('the 11th wrong code on a fresh 6-digit code → 401, and the right 6-digit code no longer works', async () => {
    api.t.clock.advance(16 * MINUTE);
    const victim = person('recruiter.victim@example.org');
    for (const guesses of [5, 4]) {
      await victim.ask();
      const code = shortCodeOf(victim.mails().at(-1)!);
      for (let i = 0; i < guesses; i++) assert.equal((await victim.verify(wrongFor(code))).status, 401);
    }
    await victim.ask();
    const fresh = shortCodeOf(victim.mails().at(-1)!)!;
    assert.equal((await victim.verify(wrongFor(fresh))).status, 401);
    const long = longCodeOf(victim.mails().at(-1)!)!;
    assert.ok(long, 'the pause email’s long code');
    assert.equal((await victim.verify(wrongFor(fresh))).status, 401);
    assert.equal((await victim.verify(fresh)).status, 401);
    assert.equal((await victim.verify(long)).status, 200);
  });

  it('a known, an unknown and a paused address get byte-identical answers', async () => {
    api.t.clock.advance(16 * MINUTE); // out of the client address's window of the earlier wrong codes
    const known = person('claire.dubois@alumni.demo.test');
    const unknown = person('not-a-member@example.org');
    const paused = person('paused-member@example.org');
    for (let i = 0; i < 10; i++) await paused.verify('000000');
    const asked = [observed(await known.ask()), observed(await unknown.ask()), observed(await paused.ask())];
    assert.equal(asked[0]!.status, 202);
    assert.deepEqual(asked[1], asked[0]);
    assert.deepEqual(asked[2], asked[0]);
    for (const p of [known, unknown, paused]) assert.equal(p.mails().length >= 1, true);
    const wrong = [observed(await known.verify('123456')), observed(await unknown.verify('123456')), observed(await paused.verify('123456'))];
    assert.equal(wrong[0]!.status, 401);
    assert.deepEqual(wrong[1], wrong[0]);
    assert.deepEqual(wrong[2], wrong[0]);
  });
});

describe('guessing codes from one client address', () => {
  it('more than 30 wrong codes in 15 minutes → 429 with Retry-After, even for the right code', async () => {
    api.t.clock.advance(16 * MINUTE);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await person(`spray-${i}@example.org`).verify('000000')).status);
    assert.deepEqual(statuses, [...Array(30).fill(401), 429]);
    const someone = person('legit-after-spray@example.org');
    await someone.ask();
    const limited = await someone.verify(shortCodeOf(someone.mails().at(-1)!)!);
    assert.equal(limited.status, 429);
    assert.ok(isProblem(limited));
    assert.equal(limited.headers.get('retry-after'), '900');
  });
});
