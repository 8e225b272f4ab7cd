/**
 * What an entry of route-access.ts declares, and the sample objects several
 * resources share, as the policy sees them.
 */
import { randomUUID } from 'node:crypto';
import type { Fixtures, Json } from '../fixtures.ts';
import type { Caller, RoleName } from '../harness.ts';
import { entitiesOf, type Sample } from '../policy-access.ts';

export interface Req {
  path: string;
  body?: Json;
  headers?: Record<string, string>;
  /** A session other than the caller's usual one (logout uses a fresh one). */
  token?: string;
  /** A signed body (the payment callback): the headers that sign another raw body, for a suite that alters it. */
  sign?: (rawBody: string) => Record<string, string>;
}

export interface RouteRule {
  access: 'public' | 'signed-in' | readonly RoleName[];
  /** The rule in words (the role table's row, or why the route is open). */
  rule: string;
  /** An otherwise valid request for `caller`: only the policy may refuse it. Default: the path as is, no body. */
  sample?: (f: Fixtures, caller: Caller) => Promise<Req> | Req;
  /** Runs after the other routes: it signs out or erases the caller. */
  last?: boolean;
}

/** A resource's routes: the request line (`METHOD /path`) and who may call it. */
export type RouteRules = Record<string, RouteRule>;

/** The sample objects several resources share, as the policy sees them. */
export const ines: Sample = { kind: 'person', personId: 'student', entityIds: entitiesOf('student') };
/** Claire's gift to École d'ingénieurs, and Acme's apprenticeship tax for it. */
export const gift: Sample = { kind: 'pledge', authorId: 'alumnus', entityId: 'engineering' };
export const tax: Sample = { kind: 'pledge', authorId: 'company_rep', companyId: 'acme', entityId: 'engineering' };
export const key = () => ({ 'idempotency-key': randomUUID() });
