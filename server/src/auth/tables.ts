import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { id, tenantId, time } from '../db/tables/columns.ts';
import { institutions, people } from '../tenancy/tables.ts';

/** Sessions are stored as a SHA-256 of the bearer token, never the token itself. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull().references(() => people.id),
    tokenHash: text('token_hash').notNull().unique(),
    method: text('method', { enum: ['host', 'email'] }).notNull(),
    createdAt: time('created_at').notNull(),
    expiresAt: time('expires_at').notNull(),
    revokedAt: time('revoked_at'),
  },
  (t) => [index('sessions_person').on(t.personId)],
);

/** Emailed sign-in codes: hashed at rest, single use, short-lived. */
export const emailCodes = sqliteTable(
  'email_codes',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    email: text('email').notNull(),
    codeHash: text('code_hash').notNull(),
    /**
     * `short`: the 6-digit code. `long`: a 12-character code, sent instead while
     * the address has used up its wrong guesses (too many to guess).
     */
    kind: text('kind', { enum: ['short', 'long'] }).notNull().default('short'),
    ip: text('ip').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: time('created_at').notNull(),
    expiresAt: time('expires_at').notNull(),
    usedAt: time('used_at'),
  },
  (t) => [index('email_codes_tenant_email').on(t.tenantId, t.email, t.createdAt), index('email_codes_ip').on(t.ip, t.createdAt)],
);

/**
 * Every wrong sign-in code, by address and by client address: the budget of
 * wrong guesses per address (24 h) and per client address is counted here,
 * whatever codes were asked for.
 */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: time('at').notNull(),
  },
  (t) => [index('sign_in_failures_email').on(t.tenantId, t.email, t.at), index('sign_in_failures_ip').on(t.ip, t.at)],
);

/** Identity-token ids already exchanged: a `jti` is accepted once. */
export const usedTokenIds = sqliteTable(
  'used_token_ids',
  {
    tenantId: tenantId().references(() => institutions.id),
    jti: text('jti').notNull(),
    expiresAt: time('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.jti] })],
);

/**
 * Replies to writes that must not happen twice, by (person, key). A replay
 * with the same request gets the stored reply; another request is refused.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull(),
    key: text('key').notNull(),
    /** Method and route, plus a SHA-256 of the body. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: text('body').notNull(),
    location: text('location'),
    createdAt: time('created_at').notNull(),
  },
  (t) => [
    // The only index: a lookup by (person, key) then can only seek it. A second one on (tenant, person, created_at),
    // for the purge of a person's expired keys when that ran at each of their writes, was what PostgreSQL's generic
    // plan chose for the lookup once statistics said people hold one key or two: every keyed write of a person who
    // held thousands (an integration posting all day, the load benchmark's donor) read them all. The purge runs at
    // most hourly per person (http/idempotency.ts), and reads that person's keys through this one.
    primaryKey({ columns: [t.tenantId, t.personId, t.key] }),
  ],
);

/** Mail not sent through SMTP (development): readable at a dev-only route. */
export const devOutbox = sqliteTable('dev_outbox', {
  id: id(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: time('created_at').notNull(),
});
