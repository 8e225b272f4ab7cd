import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { paymentMethods, receiptModels, receiptStatuses, type ReceiptMentions } from '@passerelle/schema';
import { id, tenantId, time } from '../db/tables/columns.ts';
import { entities, institutions } from '../tenancy/tables.ts';
import { pledges } from '../pledges/tables.ts';

/**
 * A tax receipt, as it was issued: every mention it prints is copied into
 * `mentions` then, so a receipt never changes. A correction cancels it
 * (`status`, `cancelledAt`, `replacedById`) and issues a new one with a new
 * number. Kept 6 years whatever the donor asks (LPF art. L102 B).
 */
export const receipts = sqliteTable(
  'receipts',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    pledgeId: text('pledge_id').notNull().references(() => pledges.id),
    /** The gift's beneficiary: whose staff list and correct it. */
    entityId: text('entity_id').notNull().references(() => entities.id),
    /** Calendar year of issue and rank in it: the order number, gapless and never reused per institution and year. */
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    model: text('model', { enum: receiptModels }).notNull(),
    yearly: integer('yearly', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: receiptStatuses }).notNull(),
    donorKind: text('donor_kind', { enum: ['individual', 'company'] }).notNull(),
    donorName: text('donor_name').notNull(),
    amountCents: integer('amount_cents').notNull(),
    giftDate: text('gift_date').notNull(),
    paymentMethod: text('payment_method', { enum: paymentMethods }).notNull(),
    mentions: text('mentions', { mode: 'json' }).$type<ReceiptMentions>().notNull(),
    issuedAt: time('issued_at').notNull(),
    cancelledAt: time('cancelled_at'),
    cancelReason: text('cancel_reason'),
    replacedById: text('replaced_by_id'),
    replacesId: text('replaces_id'),
  },
  (t) => [
    uniqueIndex('receipts_tenant_year_sequence').on(t.tenantId, t.year, t.sequence),
    index('receipts_tenant_pledge').on(t.tenantId, t.pledgeId),
    index('receipts_tenant_entity').on(t.tenantId, t.entityId),
  ],
);

/**
 * The last order number given per institution and calendar year. Taking a
 * number bumps this row inside the transaction that issues the receipt, so
 * two receipts never get the same number and a rolled-back one leaves no gap.
 */
export const receiptCounters = sqliteTable(
  'receipt_counters',
  {
    tenantId: tenantId().references(() => institutions.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year] })],
);
