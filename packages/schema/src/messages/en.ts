/**
 * English words of every message code, put together from one file per area
 * (en/*.ts, areas.ts). The `Catalogue` type makes a missing or misspelt code
 * a type error; messages.test.ts checks the same at runtime and that none is
 * empty.
 */
import type { Catalogue } from './codes.ts';
import { audit } from './en/audit.ts';
import { auth } from './en/auth.ts';
import { companies } from './en/companies.ts';
import { consents } from './en/consents.ts';
import { core } from './en/core.ts';
import { mail } from './en/mail.ts';
import { offers } from './en/offers.ts';
import { pledges } from './en/pledges.ts';
import { policy } from './en/policy.ts';
import { profiles } from './en/profiles.ts';
import { receipts } from './en/receipts.ts';
import { retention } from './en/retention.ts';
import { solicitations } from './en/solicitations.ts';
import { webhooks } from './en/webhooks.ts';

export const en: Catalogue = {
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
