import { sqliteTable, text, integer, real, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { offerStatuses } from '@passerelle/schema';
import { id, tenantId, time } from '../db/tables/columns.ts';
import { companies, entities, institutions, people } from '../tenancy/tables.ts';

/**
 * An internship, apprenticeship or job offer of a company. `status` is the
 * stored workflow state; "expired" is also computed on read from `expiresOn`.
 */
export const offers = sqliteTable(
  'offers',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    companyId: text('company_id').notNull().references(() => companies.id),
    authorId: text('author_id').notNull().references(() => people.id),
    title: text('title').notNull(),
    /** The Markdown-subset source; rendered (escaped) by the elements. */
    description: text('description'),
    kind: text('kind', { enum: ['internship', 'apprenticeship', 'fixed_term', 'permanent', 'international_volunteering'] }).notNull(),
    location: text('location'),
    remote: text('remote', { enum: ['onsite', 'hybrid', 'remote'] }),
    startDate: text('start_date'),
    durationAmount: integer('duration_amount'),
    durationUnit: text('duration_unit', { enum: ['months', 'weeks'] }),
    weeklyHours: real('weekly_hours'),
    stipendCents: integer('stipend_cents'),
    apply: text('apply'),
    expiresOn: text('expires_on'),
    status: text('status', { enum: offerStatuses }).notNull(),
    moderationReason: text('moderation_reason'),
    /** Bumped on every change: the ETag. */
    version: integer('version').notNull().default(1),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
    submittedAt: time('submitted_at'),
    publishedAt: time('published_at'),
  },
  (t) => [
    index('offers_tenant_status_published').on(t.tenantId, t.status, t.publishedAt),
    index('offers_tenant_author').on(t.tenantId, t.authorId, t.updatedAt),
    index('offers_tenant_company').on(t.tenantId, t.companyId),
  ],
);

/** The schools or programmes an offer is aimed at: who moderates it and whose students see it first. */
export const offerTargets = sqliteTable(
  'offer_targets',
  {
    tenantId: tenantId().references(() => institutions.id),
    offerId: text('offer_id').notNull().references(() => offers.id),
    entityId: text('entity_id').notNull().references(() => entities.id),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.entityId] }), index('offer_targets_entity').on(t.tenantId, t.entityId)],
);

/**
 * A recruiter's request to represent an existing company, or to add a new
 * one (then `companyId` is the pending company created with the request).
 */
export const companyRequests = sqliteTable(
  'company_requests',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull().references(() => people.id),
    companyId: text('company_id').notNull().references(() => companies.id),
    kind: text('kind', { enum: ['represent', 'create'] }).notNull(),
    message: text('message'),
    status: text('status', { enum: ['pending', 'approved', 'refused'] }).notNull(),
    reason: text('reason'),
    decidedBy: text('decided_by'),
    decidedAt: time('decided_at'),
    createdAt: time('created_at').notNull(),
  },
  (t) => [index('company_requests_tenant_status').on(t.tenantId, t.status, t.createdAt), index('company_requests_person').on(t.personId)],
);
