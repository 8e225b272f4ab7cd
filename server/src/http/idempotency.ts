/**
 * `Idempotency-Key` for writes that must not happen twice (pledges, offer
 * submission): docs/architecture.md, "The API's shape".
 *
 * Usage, on a route that runs after `requireAuth()`:
 *
 * ```ts
 * .post('/', idempotent(), jsonBody(Schema), async (c) => {
 *   const row = await withTransaction({ db }, async (tx) => {
 *     const row = await insertThing(tx, ...); // a query of server/src/<resource>/queries/
 *     await writeAudit(tx, who, ...);
 *     await rememberReply(tx, c, 201, row, `/v1/things/${row.id}`);
 *     return row;
 *   });
 *   c.header('location', `/v1/things/${row.id}`);
 *   return c.json(row, 201);
 * })
 * ```
 *
 * - The key is scoped to (tenant, person); the same key + the same request
 *   (method, path, canonical JSON body) replays the stored reply with
 *   `Idempotent-Replayed: true`; another request with that key is 422.
 * - The reply is stored by `rememberReply` inside the handler's own
 *   transaction, so the write and its key commit or roll back together.
 * - The primary key (tenant, person, key) decides who wins, even across
 *   processes: the loser's insert fails, its transaction rolls back, and the
 *   middleware answers with the winner's stored reply.
 * - Only successful writes are remembered: a refused request (400, 403, 409…)
 *   wrote nothing, so retrying it with the same key runs it again.
 * - Keys are kept for `IDEMPOTENCY_RETENTION_MS` (24 h); older keys are
 *   ignored, and purged before a keyed write of the same person (on its own:
 *   see `idempotent`): at once when the key sent is one of them, otherwise at
 *   most once per `PURGE_EVERY_MS` per person and server process.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import type { AppEnv } from '../context.ts';
import type { DbOrTx } from '../db/open.ts';
import { findIdempotencyKey, insertIdempotencyKey, purgeIdempotencyKeysBefore } from '../auth/queries/idempotency-keys.ts';
import { ProblemError, problemResponse } from './problem.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** How long a key is remembered: at least 24 hours (docs/architecture.md). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{1,200}$/;

/** What the middleware learnt about the request, for `rememberReply`. */
interface Pending {
  tenantId: string;
  personId: string;
  key: string;
  requestHash: string;
  now: Date;
}

// Keyed on the request object of the context (`c.req`, one per request,
// never replaced — unlike `c.req.raw`, which a body limiter may rewrap)
// rather than a context variable, so that `rememberReply` accepts any
// handler's context whatever its typed env and input.
const pending = new WeakMap<object, Pending>();

/**
 * Thrown by `rememberReply` when the key was stored by a concurrent request
 * (another process, or an interleaved request of this one): the handler's
 * transaction rolls back, and the middleware answers with the stored reply.
 * A 409 on its own, if it ever escapes a route without the middleware.
 */
export class IdempotencyRace extends ProblemError {
  constructor() {
    super('conflict', 'idempotency.raced');
  }
}

/** JSON with object keys sorted at every level, so that key order does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Method, path and a SHA-256 of the canonical body: what "the same request" means. */
export function requestHash(method: string, path: string, rawBody: string): string {
  let body = rawBody;
  if (rawBody.trim() !== '') {
    try {
      body = canonicalJson(JSON.parse(rawBody));
    } catch {
      // Not JSON: the body validator refuses it anyway; hash the bytes as sent.
    }
  }
  return `${method.toUpperCase()} ${path} ${createHash('sha256').update(body).digest('base64url')}`;
}

interface StoredReply {
  requestHash: string;
  status: number;
  body: string;
  location: string | null;
}

async function findReply(db: DbOrTx, p: Pending): Promise<StoredReply | undefined> {
  const row = await findIdempotencyKey(db, p);
  if (!row || isExpired(row.createdAt, p.now)) return undefined;
  return row;
}

/**
 * How often a person's expired keys are purged when nothing requires it: a
 * purge is a statement (a round trip on PostgreSQL) before every keyed write
 * otherwise, nearly always deleting nothing. The table then holds at most
 * this much more than a day of a person's keys.
 */
export const PURGE_EVERY_MS = 60 * 60 * 1000;
/** People whose last purge is remembered, per database, before starting afresh. */
const PURGES_KEPT = 10_000;
/** When each person's expired keys were last purged by this process (ms), per database (every route's writes alike). */
const purges = new WeakMap<DbOrTx, Map<string, number>>();

/** The oldest moment a key made now would still be remembered from. */
const keptSince = (now: Date) => new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS);
const isExpired = (createdAt: string, now: Date) => new Date(createdAt) < keptSince(now);

/** The stored reply for the same request, or 422 for another request under that key. */
function answerWith(c: Context, stored: StoredReply, p: Pending): Response | Promise<Response> {
  if (stored.requestHash !== p.requestHash) {
    return problemResponse(c, 'idempotencyMismatch', { code: 'idempotency.reused', params: {} }, { members: { header: IDEMPOTENCY_HEADER } });
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', [REPLAYED_HEADER.toLowerCase()]: 'true' };
  if (stored.location) headers.location = stored.location;
  return new Response(stored.body, { status: stored.status, headers });
}

/**
 * Requires a valid `Idempotency-Key` and answers a repeated request from the
 * stored reply. Mount it after `requireAuth()`; the handler must call
 * `rememberReply` inside the transaction of its write.
 */
export function idempotent(): MiddlewareHandler<AppEnv> {
  return async function idempotent(c, next) {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined || !KEY_PATTERN.test(key)) {
      const missing = key === undefined;
      throw new ProblemError('validation', missing ? 'idempotency.keyMissing' : 'idempotency.keyInvalid', {}, {
        errors: [{ path: IDEMPOTENCY_HEADER, code: missing ? 'idempotency.keyHowTo' : 'idempotency.keyFormat', params: {} }],
      });
    }
    const { actor } = c.get('auth');
    const { db, clock } = c.get('deps');
    const p: Pending = {
      tenantId: actor.tenantId,
      personId: actor.personId,
      key,
      requestHash: requestHash(c.req.method, c.req.path, await c.req.text()),
      now: clock.now(),
    };
    const row = await findIdempotencyKey(db, p);
    const expired = !!row && isExpired(row.createdAt, p.now);
    if (row && !expired) return answerWith(c, row, p);
    // This person's expired keys go first when one holds this very key, else now and then; on their own
    // rather than in the write's transaction: on PostgreSQL (SERIALIZABLE), writes of one person each
    // purging the same keys aborted one another, one pledge in seven of a single donor's in bench/api.ts.
    const person = `${p.tenantId}:${p.personId}`;
    let purged = purges.get(db);
    if (!purged) purges.set(db, (purged = new Map()));
    const last = purged.get(person);
    if (expired || last === undefined || p.now.getTime() - last >= PURGE_EVERY_MS || p.now.getTime() < last) {
      await purgeIdempotencyKeysBefore(db, p.tenantId, p.personId, keptSince(p.now).toISOString());
      if (purged.size >= PURGES_KEPT) purged.clear();
      purged.set(person, p.now.getTime());
    }

    pending.set(c.req, p);
    await next();
    // Hono has already turned a thrown error into c.res; a lost race is
    // answered with the winner's reply instead.
    if (c.error instanceof IdempotencyRace) {
      const winner = await findReply(db, p);
      if (winner) {
        c.res = undefined;
        c.res = await answerWith(c, winner, p);
      }
    }
  };
}

/**
 * Stores the reply of a successful write under the request's key. Call it
 * inside the write's transaction (`withTransaction`), with the body
 * and status the handler is about to answer. Throws `IdempotencyRace` (which
 * rolls the transaction back) if a concurrent request stored the key first.
 */
export async function rememberReply(tx: DbOrTx, c: { req: object }, status: number, body: unknown, location?: string): Promise<void> {
  const p = pending.get(c.req);
  if (!p) throw new Error('rememberReply called on a route without the idempotent() middleware.');
  const inserted = await insertIdempotencyKey(tx, { tenantId: p.tenantId, personId: p.personId, key: p.key, requestHash: p.requestHash, status, body: JSON.stringify(body), location: location ?? null, createdAt: p.now.toISOString() });
  if (!inserted) throw new IdempotencyRace();
}
