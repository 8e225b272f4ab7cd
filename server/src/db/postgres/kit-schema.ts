/**
 * The PostgreSQL tables as named exports, which is how drizzle-kit finds them
 * (`drizzle.pg.config.ts`); `tables.test.ts` checks that none is missing.
 */
import { pgTables } from './tables.ts';

const table = (name: string) => pgTables.get(name)!;

export const auditLog = table('audit_log');
export const companies = table('companies');
export const companyRequests = table('company_requests');
export const consentEvents = table('consent_events');
export const devOutbox = table('dev_outbox');
export const emailCodes = table('email_codes');
export const entities = table('entities');
export const erasureRequests = table('erasure_requests');
export const hostKeys = table('host_keys');
export const idempotencyKeys = table('idempotency_keys');
export const institutions = table('institutions');
export const mailOptOuts = table('mail_opt_outs');
export const mailOutbox = table('mail_outbox');
export const memberships = table('memberships');
export const offerTargets = table('offer_targets');
export const offers = table('offers');
export const people = table('people');
export const personAddresses = table('person_addresses');
export const pledges = table('pledges');
export const pledgeTransfers = table('pledge_transfers');
export const profileDuplicateFlags = table('profile_duplicate_flags');
export const profiles = table('profiles');
export const purposeVersions = table('purpose_versions');
export const purposes = table('purposes');
export const receiptCounters = table('receipt_counters');
export const receipts = table('receipts');
export const sessions = table('sessions');
export const signInFailures = table('sign_in_failures');
export const signInLinks = table('sign_in_links');
export const solicitationCapEvents = table('solicitation_cap_events');
export const solicitations = table('solicitations');
export const solteaCampaigns = table('soltea_campaigns');
export const usedTokenIds = table('used_token_ids');
export const webhookAttempts = table('webhook_attempts');
export const webhookDeliveries = table('webhook_deliveries');
export const webhookSubscriptions = table('webhook_subscriptions');
