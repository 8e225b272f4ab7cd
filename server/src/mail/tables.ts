import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { mailStatuses, type LinkAction, type MailKind } from '@passerelle/schema';
import { id, tenantId, time } from '../db/tables/columns.ts';
import { institutions, people } from '../tenancy/tables.ts';

/**
 * The mail outbox: one row per message to a person, written in the
 * transaction of the change that causes it (a rollback sends nothing, a
 * crash loses nothing) and sent afterwards by the mail worker. The row
 * holds the kind and its parameters, not the words: they are put in the
 * recipient's language when the message is sent.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull().references(() => people.id),
    /** Where it goes, read when it was queued (null: the person had no address; the message is undeliverable). */
    address: text('address'),
    language: text('language', { enum: ['fr', 'en'] }).notNull(),
    kind: text('kind').$type<MailKind>().notNull(),
    params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** False for reminders and digests: they carry List-Unsubscribe. */
    transactional: integer('transactional', { mode: 'boolean' }).notNull(),
    /** Set for the messages of a sweep (reminders, digests), so that a second sweep or instance queues none again. */
    dedupeKey: text('dedupe_key'),
    status: text('status', { enum: mailStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When the worker should try next (pending only). */
    nextAttemptAt: time('next_attempt_at'),
    /** The worker sending it, until `claimedUntil` (then another may take it over). */
    claimedBy: text('claimed_by'),
    claimedUntil: time('claimed_until'),
    /** The SMTP server's reply or the connection error of the last failed attempt. */
    lastError: text('last_error'),
    /** SHA-256 of the token of its List-Unsubscribe link (optional messages only). */
    unsubscribeHash: text('unsubscribe_hash'),
    createdAt: time('created_at').notNull(),
    sentAt: time('sent_at'),
  },
  (t) => [
    index('mail_outbox_due').on(t.status, t.nextAttemptAt),
    index('mail_outbox_person').on(t.tenantId, t.personId, t.createdAt),
    uniqueIndex('mail_outbox_dedupe').on(t.tenantId, t.dedupeKey),
    uniqueIndex('mail_outbox_unsubscribe').on(t.unsubscribeHash),
  ],
);

/** The optional messages a person turned off (the staff digest, reminders). */
export const mailOptOuts = sqliteTable(
  'mail_opt_outs',
  {
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull().references(() => people.id),
    kind: text('kind').$type<MailKind>().notNull(),
    at: time('at').notNull(),
  },
  (t) => [uniqueIndex('mail_opt_outs_person_kind').on(t.tenantId, t.personId, t.kind)],
);

/**
 * The links in messages that sign the person in ("update my details"): one
 * per message sent, bound to the person, the institution, the page it opens
 * and the address it went to; single use, valid 7 days. Only the token's
 * hash is kept.
 */
export const signInLinks = sqliteTable(
  'sign_in_links',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull().references(() => people.id),
    action: text('action').$type<LinkAction>().notNull(),
    /** The verified address it was sent to: the link works only while the person still has it. */
    address: text('address').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The message it came with. */
    mailId: text('mail_id').references(() => mailOutbox.id),
    createdAt: time('created_at').notNull(),
    expiresAt: time('expires_at').notNull(),
    usedAt: time('used_at'),
    /** When a fresh link was asked for from this one (once). */
    resentAt: time('resent_at'),
  },
  (t) => [uniqueIndex('sign_in_links_token').on(t.tokenHash), index('sign_in_links_person').on(t.tenantId, t.personId)],
);
