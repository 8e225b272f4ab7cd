/**
 * French words of every message code — the default language — put together
 * from one file per area (fr/*.ts, areas.ts). The `Catalogue` type makes a
 * missing or misspelt code a type error; messages.test.ts checks the same at
 * runtime, and that no English slipped in.
 */
import type { Catalogue } from './codes.ts';
import { audit } from './fr/audit.ts';
import { auth } from './fr/auth.ts';
import { companies } from './fr/companies.ts';
import { consents } from './fr/consents.ts';
import { core } from './fr/core.ts';
import { mail } from './fr/mail.ts';
import { offers } from './fr/offers.ts';
import { pledges } from './fr/pledges.ts';
import { policy } from './fr/policy.ts';
import { profiles } from './fr/profiles.ts';
import { receipts } from './fr/receipts.ts';
import { retention } from './fr/retention.ts';
import { solicitations } from './fr/solicitations.ts';
import { webhooks } from './fr/webhooks.ts';

export const fr: Catalogue = {
  ...core,
  ...auth,
  ...policy,
  ...companies,
  ...offers,
  ...audit,
  ...pledges,
  ...receipts,
  ...profiles,
  ...consents,
  ...solicitations,
  ...retention,
  ...webhooks,
  ...mail,
};
