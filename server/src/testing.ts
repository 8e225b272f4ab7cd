// Test support: an app over a fresh in-memory database with the demo data,
// and sign-in as any demo person through the real exchange route.
import { databaseFromImage, memoryDatabase, serializeDatabase, type Db } from './db/open.ts';
import { createApp } from './app.ts';
import { testConfig, type Config } from './env.ts';
import type { Clock } from './context.ts';
import { seedDemo, DEMO_HOST_SECRET_DEFAULT, DEMO_KID, OTHER_HOST_SECRET_DEFAULT, OTHER_KID, type DemoIds } from './seed/demo.ts';
import { signHostToken } from './auth/host-token.ts';
import type { Mail, Mailer } from './auth/mailer.ts';
import type { LookupFunction } from 'node:net';
import { tableLookup, testNameFallback } from './webhooks/host-table.ts';
import { LINK_PARAMETER, makeLink } from './mail/links.ts';
import { signature } from './webhooks/sign.ts';
import { rotatePaymentSecret } from './pledges/payment-pages.ts';
import { databaseFromTemplate, ensureTemplate, sourcesHash, TEMPLATE_PREFIX } from './db/postgres/test-databases.ts';

/** What an empty environment gives (production behaviour), for suites that want exactly the defaults. */
export { parseConfig, type Config } from './env.ts';

/** A clock tests can move. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-03-02T09:00:00.000Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date) {
    this.current = new Date(date);
  }
}

export type DemoSubject = keyof DemoIds['demo']['people'] | keyof DemoIds['other']['people'];

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  clock: TestClock;
  ids: DemoIds;
  mail: Mail[];
  /**
   * The app's DNS, a table (no test resolves a real name): set an entry to
   * make a name resolve somewhere; names missing from it resolve as
   * `testNameFallback` says (reserved test names to a public address nobody
   * has, others not at all).
   */
  hosts: Map<string, string[]>;
  lookup: LookupFunction;
  /** A host-signed identity token for a demo person, as the institution's site would sign it. */
  hostToken(sub: string, claims?: Record<string, unknown>, tenant?: 'demo' | 'other'): string;
  /** Signs in through `POST /v1/auth/exchange` and returns the session token. */
  signIn(sub: DemoSubject): Promise<string>;
  /** Signs in by email code (`POST /v1/auth/email`, then `/v1/auth/verify` with the mailed code) and returns the session token. */
  emailSignIn(email: string, tenant?: 'demo' | 'other'): Promise<string>;
  /**
   * `app.request` with a bearer token and JSON body. Sends `Accept-Language: en`
   * unless `headers` names a language, so that tests read problems in English;
   * `app.request` itself sends none (French, or the person's language).
   */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

/**
 * The demo data, seeded once per test process (when this module loads) at the
 * test clock's first instant, then copied into every test app's own database:
 * `testApp()` stays synchronous although seeding, like every write, is not.
 */
/**
 * The engine the suite runs on: the embedded SQLite by default; PostgreSQL
 * when `PASSERELLE_TEST_POSTGRES` names a database to administer from
 * (`postgres://postgres@127.0.0.1:5432/postgres`), each test app then
 * getting its own database copied from a seeded template
 * (db/postgres/test-databases.ts).
 */
export const testPostgres = process.env.PASSERELLE_TEST_POSTGRES || undefined;

/**
 * What the database said when `statement` was refused, through drizzle's
 * wrapping error (its cause on PostgreSQL); '' if it was not refused. A
 * function, so that SQLite's synchronous throw is caught as PostgreSQL's
 * rejection is.
 */
export async function databaseRefusal(statement: () => unknown): Promise<string> {
  try {
    await statement();
    return '';
  } catch (error) {
    const said: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) said.push(e.message);
    return said.join('\n');
  }
}

const seeded = await (async () => {
  const at = new TestClock().now();
  if (testPostgres) {
    const template = `${TEMPLATE_PREFIX}${sourcesHash()}`;
    const ids = await ensureTemplate(testPostgres, template, (db) => seedDemo(db, {}, at));
    return { template, image: undefined, ids, at: at.toISOString() };
  }
  const db = memoryDatabase();
  const ids = await seedDemo(db, {}, at);
  return { template: undefined, image: serializeDatabase(db), ids, at: at.toISOString() };
})();

/** A database with the demo data, of its own: on the suite's engine. */
export const seededDatabase = (): Db => (seeded.template ? databaseFromTemplate(testPostgres!, seeded.template) : databaseFromImage(seeded.image!));

export function testApp(overrides: { config?: Partial<Config>; clock?: TestClock; hosts?: Record<string, string[]> } = {}): TestApp {
  const clock = overrides.clock ?? new TestClock();
  if (clock.now().toISOString() !== seeded.at) throw new Error(`testApp: the demo data is seeded at ${seeded.at}; give a clock that starts then, and move it afterwards.`);
  const db = seededDatabase();
  const ids = structuredClone(seeded.ids);
  const mail: Mail[] = [];
  const mailer: Mailer = { send: async (m) => void mail.push(m) };
  const hosts = new Map(Object.entries(overrides.hosts ?? {}));
  const lookup = tableLookup(hosts, testNameFallback);
  const app = createApp({ db, clock, mailer, lookup, config: { ...testConfig(), ...overrides.config } });
  let jti = 0;
  const hostToken: TestApp['hostToken'] = (sub, claims = {}, tenant) => {
    const t = tenant ?? (sub.endsWith('-other') ? 'other' : 'demo');
    const iat = Math.floor(clock.now().getTime() / 1000);
    return signHostToken(t === 'demo' ? DEMO_HOST_SECRET_DEFAULT : OTHER_HOST_SECRET_DEFAULT, t === 'demo' ? DEMO_KID : OTHER_KID, {
      iss: t,
      aud: 'passerelle',
      sub,
      iat,
      exp: iat + 300,
      jti: `test-${++jti}-${crypto.randomUUID()}`,
      ...claims,
    });
  };
  const call: TestApp['call'] = (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'accept-language')) headers['accept-language'] = 'en';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return Promise.resolve(app.request(path, { method, headers, body }));
  };
  const signIn: TestApp['signIn'] = async (sub) => {
    const res = await call('POST', '/v1/auth/exchange', { body: { token: hostToken(sub) } });
    if (res.status !== 200) throw new Error(`sign-in of ${sub} failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
  const emailSignIn: TestApp['emailSignIn'] = async (email, tenant = 'demo') => {
    const asked = await call('POST', '/v1/auth/email', { body: { tenant, email } });
    if (asked.status !== 202) throw new Error(`email code for ${email}: ${asked.status} ${await asked.text()}`);
    const code = mail.filter((m) => m.to === email.toLowerCase()).at(-1)?.text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no code mailed to ${email}`);
    const verified = await call('POST', '/v1/auth/verify', { body: { tenant, email, code } });
    if (verified.status !== 200) throw new Error(`verify ${email}: ${verified.status} ${await verified.text()}`);
    return ((await verified.json()) as { token: string }).token;
  };
  return { app, db, clock, ids, mail, hosts, lookup, hostToken, signIn, emailSignIn, call };
}

/**
 * A valid internship offer body (2026 rules: 682.50 €/month for 35 h a
 * week), for the given company and target schools; `over` replaces fields.
 */
export function sampleOfferBody(to: { companyId: string; targetEntityIds: string[] }, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    companyId: to.companyId,
    title: 'Stage robotique mobile',
    description: 'Rejoignez **l’équipe** R&D.\n\n- ROS 2\n- C++',
    kind: 'internship',
    targetEntityIds: to.targetEntityIds,
    location: 'Lyon',
    remote: 'hybrid',
    startDate: '2026-04-01',
    duration: { amount: 3, unit: 'months' },
    weeklyHours: 35,
    stipend: { amountCents: 68250 },
    apply: 'https://acme-robotique.fr/stages',
    expiresOn: '2026-05-15',
    ...over,
  };
}

/** A fresh sign-in link's token for a person, as a message would carry it (mail/links.ts), for suites that need one without sending mail. */
export async function signInLinkToken(t: Pick<TestApp, 'db' | 'clock'>, tenantId: string, personId: string, address: string): Promise<string> {
  const url = await makeLink(t.db, { tenantId, personId, address, mailId: null, action: 'profile', page: 'https://www.demo.test/', now: t.clock.now() });
  if (!url) throw new Error(`no link for ${address}: not the person's sign-in address`);
  return new URL(url).searchParams.get(LINK_PARAMETER)!;
}

/**
 * A valid apprenticeship-tax pledge body: Acme's representative, half of
 * its tax to the École d'ingénieurs in the 2026 campaign; `over` replaces fields.
 */
export function sampleTaxPledgeBody(ids: DemoIds, over: Record<string, unknown> = {}) {
  return {
    kind: 'apprenticeship_tax' as const,
    companyId: ids.demo.companies.acme,
    entityId: ids.demo.entities.engineering,
    sharePercent: 50,
    estimatedAmountCents: 250000,
    campaignYear: 2026,
    contact: { name: 'Marc Lefèvre', email: 'marc.lefevre@acme-robotique.fr' },
    viaAccountant: false,
    ...over,
  };
}

/**
 * What an institution's payment page sends when a gift is paid: a new callback
 * secret is set for the institution, and `body` is signed with it as the page
 * would (`POST /v1/pledges/payment-callback`, Standard Webhooks headers).
 */
export async function signedPaymentCallback(t: Pick<TestApp, 'db' | 'clock' | 'ids'>, body: Record<string, unknown>, tenant: 'demo' | 'other' = 'demo') {
  const at = t.clock.now();
  const secret = await rotatePaymentSecret(t.db, { tenantId: t.ids[tenant].tenantId, actorId: null, origin: 'test', at: at.toISOString() });
  const id = `msg_${crypto.randomUUID()}`;
  const timestamp = Math.floor(at.getTime() / 1000);
  /** The headers of the same message with another raw body (a suite that alters the body signs it again). */
  const sign = (raw: string) => ({ 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature(secret, id, timestamp, raw) });
  return { path: `/v1/pledges/payment-callback?tenant=${tenant}`, body, headers: sign(JSON.stringify(body)), sign };
}
