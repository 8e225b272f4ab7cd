// Every table of the database. One file per area; drizzle-kit reads this list.
export * from '../../tenancy/tables.ts';
export * from '../../auth/tables.ts';
export * from '../../audit/tables.ts';
export * from '../../consents/tables.ts';
export * from '../../offers/tables.ts';
export * from '../../profiles/tables.ts';
export * from '../../pledges/tables.ts';
export * from '../../receipts/tables.ts';
export * from '../../webhooks/tables.ts';
export * from '../../mail/tables.ts';
export * from '../../solicitations/tables.ts';
export * from '../../addresses/tables.ts';
