import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import type { ConsentChannel } from '@passerelle/schema';
import { id, tenantId, time } from '../db/tables/columns.ts';
import { entities, institutions, people } from '../tenancy/tables.ts';
import { purposes } from '../consents/tables.ts';

/**
 * The solicitation ledger: one row per message an institution's service sent
 * a person (`POST /v1/solicitations`). A person's cap counts these rows of
 * the calendar month (UTC), every service together. Never updated.
 */
export const solicitations = sqliteTable(
  'solicitations',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull().references(() => people.id),
    purposeId: text('purpose_id').notNull().references(() => purposes.id),
    channel: text('channel').$type<ConsentChannel>().notNull(),
    /** The sending entity. */
    entityId: text('entity_id').notNull().references(() => entities.id),
    campaign: text('campaign').notNull(),
    sentAt: time('sent_at').notNull(),
    /** The person (staff member or service account) who recorded it. */
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [
    // The check counts a month's messages of many people at once; a person's list reads theirs newest first.
    index('solicitations_person_sent').on(t.tenantId, t.personId, t.sentAt),
  ],
);
