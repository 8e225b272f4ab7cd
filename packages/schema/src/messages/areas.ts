/**
 * The catalogues (`en.ts`, `fr.ts`) are put together from one file per area,
 * `en/<area>.ts` and `fr/<area>.ts`. An area words every code whose first
 * segment it names here, no more and no fewer: a code missing from an area
 * file, or misspelt in it, is a type error there, and a code whose first
 * segment no area names is a type error in `en.ts` and `fr.ts` (add its
 * segment to the area it belongs to).
 */
import type { Catalogue, MessageCode } from './codes.ts';

/** The first segments of the codes each area words. */
interface AreaPrefixes {
  /** Problem titles, field errors any schema may give, the request itself. */
  core: 'problem' | 'network' | 'validation' | 'request' | 'list' | 'server' | 'idempotency' | 'resource' | 'tenant' | 'import';
  /** Signing in: sessions, codes and links received by email. */
  auth: 'auth' | 'session' | 'person' | 'link';
  /** The role policy's refusals. */
  policy: 'policy';
  companies: 'company' | 'companyRequest';
  offers: 'offer';
  audit: 'audit';
  /** Pledges, the SOLTéA calendar and the gifts' payment pages. */
  pledges: 'pledge' | 'soltea' | 'payment';
  receipts: 'receipt';
  profiles: 'profile';
  /** Purposes, consents and the person's rights (erasure, export). */
  consents: 'purpose' | 'consent' | 'erasure' | 'rights';
  solicitations: 'solicitation';
  /** People inactive for the institution's number of years, and their anonymisation. */
  retention: 'retention';
  webhooks: 'webhook';
  /** Email preferences, unsubscribing, the freshness campaign. */
  mail: 'mail';
}

export type Area = keyof AreaPrefixes;

/** The words of one area's codes: exactly the codes whose first segment the area names. */
export type CatalogueArea<A extends Area> = Pick<Catalogue, Extract<MessageCode, `${AreaPrefixes[A]}.${string}`>>;
