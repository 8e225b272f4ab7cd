import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { id, tenantId, time } from './columns.ts';
import { institutions, people } from './tenancy.ts';

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
    ip: text('ip').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: time('created_at').notNull(),
    expiresAt: time('expires_at').notNull(),
    usedAt: time('used_at'),
  },
  (t) => [index('email_codes_tenant_email').on(t.tenantId, t.email, t.createdAt), index('email_codes_ip').on(t.ip, t.createdAt)],
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
  (t) => [primaryKey({ columns: [t.tenantId, t.personId, t.key] })],
);

/** Mail not sent through SMTP (development): readable at a dev-only route. */
export const devOutbox = sqliteTable('dev_outbox', {
  id: id(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: time('created_at').notNull(),
});
