import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ConsentChannel, LegalBasis } from '@passerelle/schema';
import { id, tenantId, time } from '../db/tables/columns.ts';
import { entities, institutions, people } from '../tenancy/tables.ts';

/**
 * A purpose of processing (newsletter, events, fundraising…), managed by
 * administrators. Its text lives in `purpose_versions`; `currentVersionId`
 * points at the one people are shown now.
 */
export const purposes = sqliteTable(
  'purposes',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    key: text('key').notNull(),
    entityId: text('entity_id').notNull().references(() => entities.id),
    retentionMonths: integer('retention_months').notNull(),
    currentVersionId: text('current_version_id').notNull(),
    /** Incremented on every edit: the ETag. */
    revision: integer('revision').notNull().default(1),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
  },
  (t) => [uniqueIndex('purposes_tenant_key').on(t.tenantId, t.key)],
);

/**
 * Every text a purpose ever had, identified by the SHA-256 of its canonical
 * JSON. Never updated nor deleted: a consent event points at the exact text
 * the person saw.
 */
export const purposeVersions = sqliteTable(
  'purpose_versions',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    purposeId: text('purpose_id').notNull().references(() => purposes.id),
    hash: text('hash').notNull(),
    title: text('title', { mode: 'json' }).$type<{ fr: string; en: string }>().notNull(),
    description: text('description', { mode: 'json' }).$type<{ fr: string; en: string }>().notNull(),
    legalBasis: text('legal_basis').$type<LegalBasis>().notNull(),
    channels: text('channels', { mode: 'json' }).$type<ConsentChannel[]>().notNull(),
    createdAt: time('created_at').notNull(),
  },
  (t) => [uniqueIndex('purpose_versions_purpose_hash').on(t.purposeId, t.hash)],
);

/**
 * Append-only log of consent choices (triggers in
 * `drizzle/0002_consent-events-append-only.sql` refuse UPDATE and DELETE).
 * The current state is the last event per (person, purpose, channel);
 * `seq` orders a person's events even within the same millisecond.
 */
export const consentEvents = sqliteTable(
  'consent_events',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull().references(() => people.id),
    seq: integer('seq').notNull(),
    purposeId: text('purpose_id').notNull().references(() => purposes.id),
    purposeVersionId: text('purpose_version_id').notNull().references(() => purposeVersions.id),
    channel: text('channel').$type<ConsentChannel>().notNull(),
    /** Granted (true) or withdrawn / objected to (false). */
    granted: integer('granted', { mode: 'boolean' }).notNull(),
    at: time('at').notNull(),
    /** The request's Origin header, as the server checked it against the tenant's allowed origins (null: no browser origin, e.g. staff tools). */
    origin: text('origin'),
    /** The page the client says the choice was made on: claimed, not checked. */
    originPage: text('origin_page'),
    originComponent: text('origin_component'),
    /** Who recorded the choice: the person, or staff on their behalf (then `actorReason` says why). */
    actorId: text('actor_id').notNull(),
    actorReason: text('actor_reason'),
  },
  (t) => [
    uniqueIndex('consent_events_person_seq').on(t.tenantId, t.personId, t.seq),
    // The CRM export reads one purpose's events person by person, in order.
    index('consent_events_purpose').on(t.tenantId, t.purposeId, t.personId, t.seq),
    // The solicitation check reads, for thousands of people at once, each one's last choice on a purpose and channel:
    // found and read from this index alone (the event's table row is never visited).
    index('consent_events_last_choice').on(t.tenantId, t.purposeId, t.personId, t.channel, t.seq, t.granted, t.purposeVersionId, t.at),
  ],
);

/** Append-only log of the person's solicitation cap (messages per month, all services together). */
export const solicitationCapEvents = sqliteTable(
  'solicitation_cap_events',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull().references(() => people.id),
    seq: integer('seq').notNull(),
    perMonth: integer('per_month').notNull(),
    at: time('at').notNull(),
    /** The request's Origin header, as the server checked it against the tenant's allowed origins (null: no browser origin, e.g. staff tools). */
    origin: text('origin'),
    /** The page the client says the choice was made on: claimed, not checked. */
    originPage: text('origin_page'),
    originComponent: text('origin_component'),
    actorId: text('actor_id').notNull(),
  },
  (t) => [uniqueIndex('solicitation_cap_events_person_seq').on(t.tenantId, t.personId, t.seq)],
);

/** A person's request to erase their account, processed by staff. */
export const erasureRequests = sqliteTable(
  'erasure_requests',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull().references(() => people.id),
    status: text('status', { enum: ['pending', 'processed'] }).notNull(),
    note: text('note'),
    requestedAt: time('requested_at').notNull(),
    processedAt: time('processed_at'),
    processedBy: text('processed_by'),
    /** What each area did (e.g. `{ profiles: 'deleted', pledges: 'anonymised: 2' }`). */
    outcome: text('outcome', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [index('erasure_requests_tenant_status').on(t.tenantId, t.status), index('erasure_requests_person').on(t.tenantId, t.personId)],
);
