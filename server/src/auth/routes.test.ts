import { describe, expect, it } from 'vitest';
import { testApp } from '../testing.ts';
import { signHostToken } from './host-token.ts';
import { OTHER_HOST_SECRET_DEFAULT, OTHER_KID, DEMO_HOST_SECRET_DEFAULT, DEMO_KID } from '../seed/demo.ts';
import { sessions, people, emailCodes, signInFailures } from '../db/tables/index.ts';
import { eq } from 'drizzle-orm';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('POST /v1/auth/exchange', () => {
  it('trades a host-signed token for a session that opens /v1/me', async () => {
    const t = testApp();
    const res = await t.call('POST', '/v1/auth/exchange', { body: { token: t.hostToken('student-ines') } });
    expect(res.status).toBe(200);
    const grant = (await res.json()) as { token: string; expiresAt: string; me: unknown };
    expect(grant.token.length).toBeGreaterThanOrEqual(43);
    expect(Date.parse(grant.expiresAt)).toBeGreaterThan(t.clock.now().getTime());
    const me = await t.call('GET', '/v1/me', { token: grant.token });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { person: { displayName: string }; memberships: { role: string; entityName: string }[]; can: Record<string, boolean> };
    // The exchange says who the session is, as GET /v1/me does: a page needs no second round trip.
    expect(grant.me).toEqual(body);
    expect(body.person.displayName).toBe('Inès Martin');
    expect(body.memberships).toEqual([expect.objectContaining({ role: 'student', entityName: "École d'ingénieurs" })]);
    expect(body.can['company.create']).toBe(false);
    expect(body.can['offer.create']).toBe(true);
  });

  it('stores only a hash of the session token', async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    const rows = t.db.select().from(sessions).all();
    expect((await rows)).toHaveLength(1);
    expect(JSON.stringify((await rows))).not.toContain(token);
  });

  const refusedTokens: [string, (t: ReturnType<typeof testApp>) => string][] = [
    ['without exp', (t) => { const iat = Math.floor(t.clock.now().getTime() / 1000); return signHostToken(DEMO_HOST_SECRET_DEFAULT, DEMO_KID, { iss: 'demo', aud: 'passerelle', sub: 'student-ines', iat, jti: 'a1' }); }],
    ['with the wrong aud', (t) => t.hostToken('student-ines', { aud: 'someone-else' })],
    ['signed by another tenant\'s key', (t) => { const iat = Math.floor(t.clock.now().getTime() / 1000); return signHostToken(OTHER_HOST_SECRET_DEFAULT, OTHER_KID, { iss: 'demo', aud: 'passerelle', sub: 'student-ines', iat, exp: iat + 60, jti: 'a2' }); }],
    ['signed by another tenant\'s key under our kid', (t) => { const iat = Math.floor(t.clock.now().getTime() / 1000); return signHostToken(OTHER_HOST_SECRET_DEFAULT, DEMO_KID, { iss: 'demo', aud: 'passerelle', sub: 'student-ines', iat, exp: iat + 60, jti: 'a3' }); }],
    ['with alg none', (t) => { const iat = Math.floor(t.clock.now().getTime() / 1000); return `${b64({ alg: 'none', kid: DEMO_KID })}.${b64({ iss: 'demo', aud: 'passerelle', sub: 'student-ines', iat, exp: iat + 60, jti: 'a4' })}.`; }],
    ['expired', (t) => t.hostToken('student-ines', { exp: Math.floor(t.clock.now().getTime() / 1000) - 120 })],
    ['living over 10 minutes', (t) => { const iat = Math.floor(t.clock.now().getTime() / 1000); return t.hostToken('student-ines', { iat, exp: iat + 601 }); }],
    ['without jti', (t) => t.hostToken('student-ines', { jti: undefined })],
    ['that is not a JWT', () => 'not-a-token'],
    ['of an unknown issuer', (t) => t.hostToken('student-ines', { iss: 'nobody' })],
  ];
  for (const [name, make] of refusedTokens) {
    it(`refuses a token ${name} with 401`, async () => {
      const t = testApp();
      const res = await t.call('POST', '/v1/auth/exchange', { body: { token: make(t) } });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as { detail: string }).detail).toMatch(/not valid/);
      expect((await t.db.select().from(sessions).all())).toHaveLength(0);
    });
  }

  it('refuses a replayed token (same jti) with 401', async () => {
    const t = testApp();
    const token = t.hostToken('student-ines');
    expect((await t.call('POST', '/v1/auth/exchange', { body: { token } })).status).toBe(200);
    expect((await t.call('POST', '/v1/auth/exchange', { body: { token } })).status).toBe(401);
  });

  it('provisions an unknown student just in time, but never staff from a claim', async () => {
    const t = testApp();
    const student = await t.call('POST', '/v1/auth/exchange', { body: { token: t.hostToken('new-student', { affiliation: 'student', email: 'New@Etu.demo.test', name: 'Nouvel Étudiant' }) } });
    expect(student.status).toBe(200);
    const row = (await t.db.select().from(people).where(eq(people.hostSubject, 'new-student')).get());
    expect(row?.email).toBe('new@etu.demo.test');
    const staff = await t.call('POST', '/v1/auth/exchange', { body: { token: t.hostToken('new-staff', { affiliation: 'staff' }) } });
    expect(staff.status).toBe(401);
    expect((await t.db.select().from(people).where(eq(people.hostSubject, 'new-staff')).get())).toBeUndefined();
  });
});

describe('email-code sign-in', () => {
  it('sends a code, verifies it once, and answers the same for unknown addresses', async () => {
    const t = testApp();
    const known = await t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email: 'claire.dubois@alumni.demo.test' } });
    const unknown = await t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email: 'Recruiter@Example.com' } });
    const noTenant = await t.call('POST', '/v1/auth/email', { body: { tenant: 'nowhere', email: 'a@example.com' } });
    expect([known.status, unknown.status, noTenant.status]).toEqual([202, 202, 202]);
    expect(await unknown.json()).toEqual(await noTenant.json());
    const code = t.mail.find((m) => m.to === 'recruiter@example.com')?.subject.match(/(\d{6})$/)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const verify = () => t.call('POST', '/v1/auth/verify', { body: { tenant: 'demo', email: 'recruiter@example.com', code } });
    const first = await verify();
    expect(first.status).toBe(200);
    expect((await verify()).status).toBe(401);
  });

  it('kills a code after five wrong guesses and rejects an expired one', async () => {
    const t = testApp();
    await t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email: 'x@example.com' } });
    const code = t.mail[0]!.subject.match(/(\d{6})$/)![1]!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await t.call('POST', '/v1/auth/verify', { body: { tenant: 'demo', email: 'x@example.com', code: wrong } })).status).toBe(401);
    expect((await t.call('POST', '/v1/auth/verify', { body: { tenant: 'demo', email: 'x@example.com', code } })).status).toBe(401);
    await t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email: 'y@example.com' } });
    const code2 = t.mail[1]!.subject.match(/(\d{6})$/)![1]!;
    t.clock.advance(16 * 60_000);
    expect((await t.call('POST', '/v1/auth/verify', { body: { tenant: 'demo', email: 'y@example.com', code: code2 } })).status).toBe(401);
  });

  it('limits codes per address with 429', async () => {
    const t = testApp();
    const ask = () => t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email: 'spam@example.com' } });
    for (let i = 0; i < 5; i++) expect((await ask()).status).toBe(202);
    const limited = await ask();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect(t.mail).toHaveLength(5);
  });
});

describe('POST /v1/auth/logout', () => {
  it('revokes the session', async () => {
    const t = testApp();
    const token = await t.signIn('alumna-claire');
    expect((await t.call('POST', '/v1/auth/logout', { token })).status).toBe(204);
    const me = await t.call('GET', '/v1/me', { token });
    expect(me.status).toBe(401);
  });
});

describe('EMAIL_SIGN_IN=off', () => {
  it('answers 404 problem+json to both email-code routes, before reading the body, and sends nothing', async () => {
    const t = testApp({ config: { emailSignIn: false } });
    for (const [path, body] of [
      ['/v1/auth/email', { tenant: 'demo', email: 'claire.dubois@alumni.demo.test' }],
      ['/v1/auth/verify', { tenant: 'demo', email: 'claire.dubois@alumni.demo.test', code: '123456' }],
      ['/v1/auth/verify', { nonsense: true }],
    ] as const) {
      const res = await t.call('POST', path, { body });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as { detail: string }).detail).toBe('Sign-in by email code is turned off on this server. Sign in through your institution’s website.');
    }
    expect(t.mail).toEqual([]);
    expect((await t.db.select().from(emailCodes).all())).toEqual([]);
    expect((await t.call('POST', '/v1/auth/exchange', { body: { token: t.hostToken('student-ines') } })).status).toBe(200);
  });
});

describe('wrong email codes', () => {
  const MINUTE = 60_000;
  const shortCodeOf = (mail: { subject: string }) => /(\d{6})$/.exec(mail.subject)?.[1];
  const longCodeOf = (mail: { text: string }) => /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(mail.text)?.[1];
  const wrongFor = (code: string | undefined) => (code === '000000' ? '111111' : '000000');

  function signInBy(t: ReturnType<typeof testApp>, email: string, headers: Record<string, string> = {}) {
    return {
      ask: () => t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email }, headers }),
      verify: (code: string) => t.call('POST', '/v1/auth/verify', { body: { tenant: 'demo', email, code }, headers }),
      mails: () => t.mail.filter((m) => m.to === email),
      failures: () => t.db.select().from(signInFailures).where(eq(signInFailures.email, email)).all(),
    };
  }

  it('the issue’s attack: 24 wrong codes over 5 codes asked for, then the right 6-digit code → 401; the owner gets a long code that signs in', async () => {
    const t = testApp();
    const victim = signInBy(t, 'claire.dubois@alumni.demo.test');
    const statuses: number[] = [];
    let lastShort: string | undefined;
    // The 10th wrong code is the first one against the 3rd code: it is fresh, only the pause kills it.
    for (const guesses of [5, 4, 5, 5, 5]) {
      expect((await victim.ask()).status).toBe(202);
      const code = shortCodeOf(victim.mails().at(-1)!);
      if (code) lastShort = code;
      for (let i = 0; i < guesses; i++) statuses.push((await victim.verify(wrongFor(code))).status);
      t.clock.advance(4 * MINUTE); // the attacker paces the requests under 5 codes per 15 minutes
    }
    expect(statuses).toEqual(Array(24).fill(401));
    expect((await victim.failures())).toHaveLength(24);
    // The right 6-digit code, as if the attacker had guessed it: refused since the 10th wrong code.
    expect(lastShort).toMatch(/^\d{6}$/);
    expect((await victim.verify(lastShort!)).status).toBe(401);
    const shortRows = (await t.db.select().from(emailCodes).where(eq(emailCodes.email, 'claire.dubois@alumni.demo.test')).all()).filter((r) => r.kind === 'short');
    expect(shortRows.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((r) => r.attempts)).toEqual([5, 4, 1]);
    // The owner was told, in French and English, and given a long code.
    const paused = victim.mails().find((m) => /wrong codes entered/.test(m.subject))!;
    expect(paused.text).toMatch(/Quelqu'un a saisi plusieurs codes de connexion erronés/);
    expect(paused.text).toMatch(/Someone entered several wrong sign-in codes/);
    expect(victim.mails().filter((m) => m === paused)).toHaveLength(1);
    // Every code asked for after the pause is a long one; 6-digit codes went out only before it.
    const pausedAt = victim.mails().indexOf(paused);
    expect(victim.mails().slice(pausedAt).every((m) => shortCodeOf(m) === undefined && longCodeOf(m))).toBe(true);
    // The pause mail's long code expired with the clock moved on; the newest one signs the owner in.
    const newest = longCodeOf(victim.mails().at(-1)!)!;
    const res = await victim.verify(newest.toLowerCase());
    expect(res.status).toBe(200);
  });

  it('the 10th wrong code kills a fresh 6-digit code; the 11th is refused; the right one no longer works; the pause mail’s long code signs in', async () => {
    const t = testApp();
    const victim = signInBy(t, 'recruiter@example.com');
    for (const guesses of [5, 4]) {
      await victim.ask();
      const code = shortCodeOf(victim.mails().at(-1)!);
      for (let i = 0; i < guesses; i++) expect((await victim.verify(wrongFor(code))).status).toBe(401);
    }
    expect((await victim.ask()).status).toBe(202);
    const fresh = shortCodeOf(victim.mails().at(-1)!)!;
    expect(fresh).toMatch(/^\d{6}$/);
    expect((await victim.verify(wrongFor(fresh))).status).toBe(401); // 10th
    const pauseMail = victim.mails().at(-1)!;
    const long = longCodeOf(pauseMail)!;
    expect(long).toBeDefined();
    expect((await victim.verify(wrongFor(fresh))).status).toBe(401); // 11th
    expect((await victim.verify(fresh)).status).toBe(401);
    expect((await t.db.select().from(emailCodes).where(eq(emailCodes.email, 'recruiter@example.com')).all()).filter((r) => r.kind === 'long')).toHaveLength(1);
    expect((await victim.verify(long.replace(/-/g, ' '))).status).toBe(200);
  });

  it('limits wrong codes per client address: the 31st in 15 minutes → 429 with Retry-After, even with the right code; other addresses and, later, this one again, go on', async () => {
    const t = testApp({ config: { trustedProxies: 1 } });
    const from = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 30; i++) {
      expect((await signInBy(t, `guess-${i}@example.org`, from).verify('000000')).status).toBe(401);
    }
    const person = signInBy(t, 'recruiter@example.com', from);
    await person.ask();
    const code = shortCodeOf(person.mails().at(-1)!)!;
    const limited = await person.verify(code);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(await limited.json()).toMatchObject({
      code: 'auth.code.tooManyWrong',
      params: { minutes: 15 },
      detail: 'Too many wrong codes were entered from your network. Wait 15 minutes and try again.',
    });
    // Another client address is not held back; the limited one is, until its wrong codes are 15 minutes old.
    expect((await signInBy(t, 'other@example.org', { 'x-forwarded-for': '198.51.100.9' }).verify('000000')).status).toBe(401);
    t.clock.advance(14 * MINUTE);
    expect((await person.verify(code)).status).toBe(429);
    t.clock.advance(1 * MINUTE);
    await person.ask(); // the first code has expired meanwhile
    expect((await person.verify(shortCodeOf(person.mails().at(-1)!)!)).status).toBe(200);
  });

  it('answers a known, an unknown and a paused address byte for byte the same, with one mail each', async () => {
    const t = testApp();
    const known = signInBy(t, 'claire.dubois@alumni.demo.test');
    const unknown = signInBy(t, 'nobody-yet@example.org');
    const paused = signInBy(t, 'paused@example.org');
    for (let i = 0; i < 10; i++) await paused.verify('000000');
    const sentBefore = t.mail.length;
    // Every header but the request's own id, which is new for every request (and says nothing of the address).
    const answer = async (res: Response) => ({ status: res.status, headers: [...res.headers.entries()].filter(([name]) => name !== 'x-request-id'), body: await res.text() });
    const asked = await Promise.all([known, unknown, paused].map(async (p) => answer(await p.ask())));
    expect(asked[1]).toEqual(asked[0]);
    expect(asked[2]).toEqual(asked[0]);
    expect(t.mail.length - sentBefore).toBe(3);
    const wrong = await Promise.all([known, unknown, paused].map(async (p) => answer(await p.verify('K7QF-M2XP-9DHR'))));
    expect(wrong[1]).toEqual(wrong[0]);
    expect(wrong[2]).toEqual(wrong[0]);
    expect(wrong[0]!.status).toBe(401);
  });

  it('keeps the 5-codes-per-15-minutes limit per address as a sliding window: a refusal does not extend it', async () => {
    const t = testApp();
    const person = signInBy(t, 'spam@example.com');
    for (let i = 0; i < 5; i++) {
      expect((await person.ask()).status).toBe(202);
      t.clock.advance(2 * MINUTE);
    }
    // Codes sent at 0, 2, 4, 6, 8 minutes; at 10 the window is full.
    expect((await person.ask()).status).toBe(429);
    t.clock.advance(4 * MINUTE + 1); // 14 min: still five codes under 15 minutes old
    expect((await person.ask()).status).toBe(429);
    t.clock.advance(1 * MINUTE); // the first code is 15 minutes old: one code may go
    expect((await person.ask()).status).toBe(202);
    expect((await person.ask()).status).toBe(429);
    expect(person.mails()).toHaveLength(6);
  });
});
