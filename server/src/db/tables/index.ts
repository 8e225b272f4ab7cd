// Every table of the database. One file per area; drizzle-kit reads this list.
export * from './tenancy.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './consents.ts';
export * from './offers.ts';
export * from './profiles.ts';
export * from './pledges.ts';
export * from './webhooks.ts';
