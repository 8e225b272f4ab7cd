import { sqliteTable, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { id, tenantId, time } from '../db/tables/columns.ts';

/** An institution. `allowedOrigins` is a JSON array of exact origins for CORS. */
export const institutions = sqliteTable('institutions', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull().default([]),
  settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  createdAt: time('created_at').notNull(),
});

/** Keys the institution's site signs identity tokens with, by `kid` for rotation. */
export const hostKeys = sqliteTable(
  'host_keys',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    kid: text('kid').notNull(),
    /** The schema's `hostKeyAlgorithms` (insertHostKey's types keep them equal). A TEXT column without a CHECK constraint: a new algorithm needs no migration. */
    alg: text('alg', { enum: ['HS256', 'EdDSA', 'RS256', 'ES256'] }).notNull(),
    /** HS256 secret, or PEM public key. */
    key: text('key').notNull(),
    createdAt: time('created_at').notNull(),
    revokedAt: time('revoked_at'),
  },
  (t) => [uniqueIndex('host_keys_tenant_kid').on(t.tenantId, t.kid)],
);

export const entities = sqliteTable(
  'entities',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    parentId: text('parent_id'),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    uai: text('uai'),
    /** The establishment's SIRET, which a company enters in SOLTéA next to the UAI. */
    siret: text('siret'),
  },
  (t) => [index('entities_tenant').on(t.tenantId), uniqueIndex('entities_tenant_name').on(t.tenantId, t.name)],
);

export const people = sqliteTable(
  'people',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    /** The person's id on the host site (JWT `sub`), when they came through single sign-on. */
    hostSubject: text('host_subject'),
    /** The person's id in the institution's CRM/ERP, set by the import (`pnpm passerelle import people`). */
    externalId: text('external_id'),
    email: text('email'),
    displayName: text('display_name'),
    createdAt: time('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('people_tenant_subject').on(t.tenantId, t.hostSubject),
    uniqueIndex('people_tenant_external_id').on(t.tenantId, t.externalId),
    index('people_tenant_email').on(t.tenantId, t.email),
    // The exports walk a tenant's people in id order, batch after batch, without sorting them.
    index('people_tenant_id').on(t.tenantId, t.id),
  ],
);

export const companies = sqliteTable(
  'companies',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    name: text('name').notNull(),
    siret: text('siret'),
    siren: text('siren'),
    website: text('website'),
    /** City and sector as the institution's base records them (set by the import). */
    city: text('city'),
    sector: text('sector'),
    status: text('status', { enum: ['active', 'pending', 'refused'] }).notNull(),
    createdBy: text('created_by'),
    createdAt: time('created_at').notNull(),
  },
  (t) => [uniqueIndex('companies_tenant_siret').on(t.tenantId, t.siret), index('companies_tenant_name').on(t.tenantId, t.name)],
);

/** One role of a person: in an entity, or as the representative of a company. */
export const memberships = sqliteTable(
  'memberships',
  {
    id: id(),
    tenantId: tenantId().references(() => institutions.id),
    personId: text('person_id').notNull().references(() => people.id),
    role: text('role', { enum: ['student', 'alumnus', 'staff', 'admin', 'company_rep', 'dpo'] }).notNull(),
    entityId: text('entity_id').references(() => entities.id),
    companyId: text('company_id').references(() => companies.id),
    createdAt: time('created_at').notNull(),
  },
  (t) => [
    index('memberships_person').on(t.personId),
    index('memberships_tenant_entity').on(t.tenantId, t.entityId),
    uniqueIndex('memberships_unique').on(t.personId, t.role, t.entityId, t.companyId),
  ],
);
