import type { LinkSession } from '@passerelle/schema';

/** What a consent reminder's link renewed when it signed the person in. */
export type LinkRenewal = NonNullable<LinkSession['renewed']>;

/**
 * The consent a message's link renewed, by the token of the session it
 * opened: portal/link.ts writes it as the session arrives, before anyone is
 * signed in with it; the consent centre's notices (consent-centre/rights.ts)
 * read it for the session they show. Both are fetched only when needed, and
 * so is this module: a page without a link never loads it.
 */
export const linkRenewals = new Map<string, LinkRenewal>();
