/**
 * The security suite's server: the real app (`createApp` through the
 * server's `testApp`, the configuration an empty environment gives — production
 * behaviour —, demo seeded in memory)
 * served over real HTTP by @hono/node-server on 127.0.0.1, a free port.
 * Sessions for every demo role are opened once; `send()` is one request
 * over the socket; `snapshot()` digests every table so a test can say
 * "the database is unchanged".
 */
import { createHash, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { parseConfig, testApp, type Config, type TestApp } from '@passerelle/server/testing';
import { columnNames, rawRows, tableNames } from '../../server/src/db/raw-rows.ts';

/** fast-check runs per write route: 1,000 by default, `FUZZ_RUNS=10000` for the long run. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** Demo people standing for each role of the role table (docs/architecture.md) (plus a recruiter signed in by email, with no membership). */
export const roleSubjects = {
  student: 'student-ines',
  alumnus: 'alumna-claire',
  company_rep: 'rep-acme',
  staff: 'staff-eng',
  staff_elsewhere: 'staff-mgmt',
  admin: 'admin-demo',
  dpo: 'dpo-demo',
} as const;
export type RoleName = keyof typeof roleSubjects | 'no_membership';
export const roleNames: readonly RoleName[] = ['student', 'alumnus', 'company_rep', 'staff', 'staff_elsewhere', 'admin', 'dpo', 'no_membership'];
export type Caller = RoleName | 'anonymous';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

export interface SendOptions {
  /** A role (its session is used), an explicit bearer token, or nobody. */
  as?: Caller;
  token?: string;
  /** JSON-encoded unless a string (sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Api {
  base: string;
  t: TestApp;
  tokens: Record<RoleName, string>;
  /** The person id behind each role's session. */
  personOf: Record<RoleName, string>;
  send(method: string, path: string, options?: SendOptions): Promise<Reply>;
  /** Signs in again (a fresh session) as a role. */
  freshToken(role: RoleName): Promise<string>;
  /** A new person signed in by email code (no membership): their token and id. */
  emailPerson(tenant?: 'demo' | 'other'): Promise<{ token: string; personId: string; email: string }>;
  /** Signs in a demo or `other` person by their host subject (`student-other`…). */
  signIn(sub: string): Promise<string>;
  /** A digest of every row of every table (or of the named ones). */
  snapshot(tables?: readonly string[]): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** `config`: changes to the default configuration (`{ trustedProxies: 1 }`…). */
export async function startApi(config: Partial<Config> = {}): Promise<Api> {
  // The production defaults, but the log kept to warnings and errors: a line per request would drown the suite's own output.
  const t = testApp({ config: { ...parseConfig({}), logLevel: 'warn', ...config } });
  const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const tokens = {} as Record<RoleName, string>;
  const personOf = {} as Record<RoleName, string>;

  const send: Api['send'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    // Problems come back in English unless a test names a language (the API's default is French).
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'accept-language')) headers['accept-language'] = 'en';
    const token = options.token ?? (options.as && options.as !== 'anonymous' ? tokens[options.as] : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    }
    const res = await fetch(base + path, { method, headers, body });
    const text = await res.text();
    let json: unknown;
    if (/json/.test(res.headers.get('content-type') ?? '')) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { status: res.status, headers: res.headers, text, json };
  };

  const signIn = async (sub: string): Promise<string> => {
    const r = await send('POST', '/v1/auth/exchange', { body: { token: t.hostToken(sub) } });
    if (r.status !== 200) throw new Error(`sign-in of ${sub}: ${r.status} ${r.text}`);
    return (r.json as { token: string }).token;
  };
  const whoIs = async (token: string): Promise<string> => ((await send('GET', '/v1/me', { token })).json as { person: { id: string } }).person.id;

  let emailCount = 0;
  const emailPerson: Api['emailPerson'] = async (tenant = 'demo') => {
    const email = `recruiter-${++emailCount}-${randomUUID().slice(0, 8)}@startup.test`;
    const asked = await send('POST', '/v1/auth/email', { body: { tenant, email } });
    if (asked.status !== 202) throw new Error(`email code for ${email}: ${asked.status} ${asked.text}`);
    const mail = [...t.mail].reverse().find((m) => m.to === email);
    const code = mail?.text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no code mailed to ${email}`);
    const verified = await send('POST', '/v1/auth/verify', { body: { tenant, email, code } });
    if (verified.status !== 200) throw new Error(`verify ${email}: ${verified.status} ${verified.text}`);
    const token = (verified.json as { token: string }).token;
    return { token, personId: await whoIs(token), email };
  };

  for (const [role, sub] of Object.entries(roleSubjects) as [keyof typeof roleSubjects, string][]) {
    tokens[role] = await signIn(sub);
    personOf[role] = t.ids.demo.people[sub as keyof typeof t.ids.demo.people];
  }
  const recruiter = await emailPerson();
  tokens.no_membership = recruiter.token;
  personOf.no_membership = recruiter.personId;

  const snapshot: Api['snapshot'] = async (only) => {
    const names = (await tableNames(t.db)).filter((n) => !only || only.includes(n));
    const out: Record<string, string> = {};
    for (const name of names) {
      // Sorted here: PostgreSQL gives rows in no promised order.
      const rows = (await rawRows(t.db, `SELECT * FROM "${name}"`)).map((row) => JSON.stringify(row)).sort();
      out[name] = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
    }
    return out;
  };

  return {
    base,
    t,
    tokens,
    personOf,
    send,
    freshToken: (role) => (role === 'no_membership' ? emailPerson().then((p) => p.token) : signIn(roleSubjects[role])),
    emailPerson,
    signIn,
    snapshot,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * One request through node:http, the path sent exactly as given (fetch would
 * normalise `..`), the body written in chunks without Content-Length when
 * `chunked` is set.
 */
export function rawRequest(
  base: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean; resetIsAnswer?: boolean },
): Promise<Reply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: options.method, path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
        let json: unknown;
        try {
          json = /json/.test(headers.get('content-type') ?? '') ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers, text, json });
      });
    });
    // The server may answer (413) and close before the whole body is written:
    // a reset while writing is expected, but never a hang without an answer.
    let answered = false;
    req.once('response', () => (answered = true));
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    req.on('close', () => {
      if (answered) return;
      // `resetIsAnswer`: a refusal by closing the connection counts (status 0).
      if (options.resetIsAnswer) resolve({ status: 0, headers: new Headers(), text: '', json: undefined });
      else reject(new Error(`${options.method} ${options.path}: the connection closed without an answer`));
    });
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    if (body && options.chunked) {
      // Chunk by chunk, each handed to the socket before the next, and none
      // once the server has answered: a client that keeps pushing into a
      // connection the server is closing can lose the answer to the reset.
      void (async () => {
        for (let i = 0; i < body.length && !answered && !req.destroyed; i += 16 * 1024) {
          await new Promise<void>((done) => req.write(body.subarray(i, i + 16 * 1024), () => done()));
        }
        if (!req.destroyed) req.end();
      })();
      return;
    }
    if (body) {
      req.setHeader('content-length', String(body.length));
      req.write(body);
    }
    req.end();
  });
}

/** The rows of a raw statement (`?` placeholders) on the app's database, on either engine. */
export const rowsOf = (t: TestApp, text: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> => rawRows(t.db, text, params);
/** The app's tables, and a table's columns, on either engine. */
export const tablesOf = (t: TestApp): Promise<string[]> => tableNames(t.db);
export const columnsOf = (t: TestApp, table: string): Promise<string[]> => columnNames(t.db, table);

/** An RFC 9457 problem document: the content type and the members every refusal carries. */
export function isProblem(reply: Reply): boolean {
  const body = reply.json as Record<string, unknown> | undefined;
  return (
    /^application\/problem\+json/.test(reply.headers.get('content-type') ?? '') &&
    body !== undefined &&
    typeof body.type === 'string' &&
    typeof body.title === 'string' &&
    body.status === reply.status &&
    typeof body.detail === 'string'
  );
}

/** Routes as the router table declares them (`METHOD /path`), without the `use()` middlewares. */
export function declaredRoutes(api: Api): { method: string; path: string; key: string }[] {
  const seen = new Map<string, { method: string; path: string; key: string }>();
  for (const r of api.t.app.routes) {
    if (r.method === 'ALL' && r.path.endsWith('*')) continue;
    const key = `${r.method} ${r.path}`;
    if (!seen.has(key)) seen.set(key, { method: r.method, path: r.path, key });
  }
  return [...seen.values()];
}

/** A valid SIRET (14 digits, Luhn), different each call. */
export function freshSiret(): string {
  for (;;) {
    const digits = Array.from({ length: 13 }, () => Math.floor(Math.random() * 10));
    if (digits[0] === 0) continue;
    for (let check = 0; check < 10; check++) {
      const all = [...digits, check];
      const sum = all.reduce((acc, d, i) => {
        const x = (all.length - i) % 2 === 0 ? d * 2 : d;
        return acc + (x > 9 ? x - 9 : x);
      }, 0);
      if (sum % 10 === 0) return all.join('');
    }
  }
}
