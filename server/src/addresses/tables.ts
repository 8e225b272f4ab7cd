import { sqliteTable, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { id, tenantId, time } from '../db/tables/columns.ts';
import { institutions, people } from '../tenancy/tables.ts';

/**
 * Personal addresses a person proved they receive mail at (a code sent to
 * each, issue 17 item 4): any of them signs in to that person by email code.
 * Only verified addresses are stored (the code in `email_codes` is the
 * pending state), so an address belongs to at most one person per tenant.
 */
export const personAddresses = sqliteTable(
  'person_addresses',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull().references(() => people.id),
    /** Lower case, as every address the API reads (EmailSchema). */
    email: text('email').notNull(),
    verifiedAt: time('verified_at').notNull(),
  },
  (t) => [uniqueIndex('person_addresses_tenant_email').on(t.tenantId, t.email), index('person_addresses_person').on(t.tenantId, t.personId)],
);
