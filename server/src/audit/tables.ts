import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { id, tenantId, time } from '../db/tables/columns.ts';
import { institutions } from '../tenancy/tables.ts';

/** Who did what to which object, when and from which origin. Written in the change's transaction. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    /** Entities the object belongs to, for staff-scoped reading of the log. */
    entityIds: text('entity_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Person the entry is about (for the data export). */
    subjectId: text('subject_id'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    origin: text('origin'),
    at: time('at').notNull(),
  },
  (t) => [
    index('audit_tenant_at').on(t.tenantId, t.at),
    // GET /v1/audit?person= (by or about them) and the person's data export walk these in time order.
    index('audit_tenant_subject_at').on(t.tenantId, t.subjectId, t.at),
    index('audit_tenant_actor_at').on(t.tenantId, t.actorId, t.at),
    // GET /v1/audit?action= (exact, or a prefix as a range).
    index('audit_tenant_action_at').on(t.tenantId, t.action, t.at),
  ],
);
