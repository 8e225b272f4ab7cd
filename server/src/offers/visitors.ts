/**
 * The offer board for readers who are not signed in: an institution may
 * open it to them (off unless set; kept in the institution's `settings`
 * JSON under `offersOpenToVisitors`). Whether a reader may read the board
 * is the policy's `offer.browse` (packages/schema), asked for everyone.
 */
import type { Context, MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { SlugSchema, decide, visitorActor, type Actor } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import type { Db, DbOrTx } from '../db/open.ts';
import { findInstitutionSettings, updateInstitutionSettings } from '../consents/queries/settings.ts';
import { findInstitutionBySlug } from '../tenancy/queries/institutions.ts';
import { refuseUnregisteredOrigin, requireAuth } from '../auth/require-auth.ts';
import { ProblemError, unauthenticated, validationProblem } from '../http/problem.ts';
import { untilChange } from '../db/until-change.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';

/** The key in `institutions.settings`. */
export const OFFERS_OPEN_TO_VISITORS = 'offersOpenToVisitors';

/** Whether the institution shows its published offers to readers who are not signed in. */
export async function offersOpenToVisitors(db: DbOrTx, tenantId: string): Promise<boolean> {
  return untilChange(db, `offersOpenToVisitors:${tenantId}`, async () => (await findInstitutionSettings(db, tenantId))?.settings[OFFERS_OPEN_TO_VISITORS] === true);
}

/** Opens or closes the board to visitors (other settings untouched), with an audit entry when it changes. */
export async function setOffersOpenToVisitors(db: Db, tenantId: string, on: boolean, who: { actorId: string | null; origin: string | null; at: string }): Promise<{ before: boolean; after: boolean }> {
  return withTransaction({ db }, async (tx) => {
    const settings = (await findInstitutionSettings(tx, tenantId))?.settings ?? {};
    const before = settings[OFFERS_OPEN_TO_VISITORS] === true;
    if (before === on) return { before, after: on };
    await updateInstitutionSettings(tx, tenantId, { ...settings, [OFFERS_OPEN_TO_VISITORS]: on });
    await writeAudit(tx, { tenantId, ...who }, { action: 'institution.offersOpenToVisitors', objectType: 'institution', objectId: tenantId, detail: { offersOpenToVisitors: { from: before, to: on } } });
    return { before, after: on };
  });
}

/** The routes' environment once the reader is known. */
export type ReaderEnv = { Variables: AppEnv['Variables'] & { reader: Actor } };

/**
 * Who reads the board: the session's actor when the request carries one
 * (`requireAuth`); otherwise a visitor of the institution the `tenant` query
 * parameter names, from an origin it registered. Then the policy's
 * `offer.browse`: a visitor is refused (401, `policy.offerBoardSignIn`)
 * unless the institution opened the board. Without a session or a known
 * `tenant`, 401 as for any signed-in route.
 */
export function boardReader(): MiddlewareHandler<ReaderEnv> {
  return async function boardReader(c, next) {
    const { db } = c.get('deps');
    const slug = c.req.query('tenant');
    // The list also validates it with its query schema; one offer's read has no other parameter.
    if (slug !== undefined && !v.is(SlugSchema, slug)) throw validationProblem([{ path: 'tenant', code: 'validation.slug', params: {} }]);
    let actor: Actor;
    if (c.req.header('authorization') !== undefined) {
      // The session's checks are requireAuth's own; it calls back once they passed.
      let passed = false;
      // ReaderEnv only adds `reader` to AppEnv; Context's setter makes TypeScript see the two as unrelated.
      await requireAuth()(c as unknown as Context<AppEnv>, async () => {
        passed = true;
      });
      if (!passed) throw unauthenticated();
      if (slug !== undefined && slug !== c.get('auth').tenantSlug) throw validationProblem([{ path: 'tenant', code: 'request.tenantMismatch', params: {} }]);
      actor = c.get('auth').actor;
    } else {
      const tenant = slug ? await findInstitutionBySlug(db, slug) : undefined;
      if (!tenant) throw unauthenticated();
      await refuseUnregisteredOrigin(db, c.req.header('origin'), tenant.id);
      actor = visitorActor(tenant.id);
    }
    const decision = decide(actor, 'offer.browse', { kind: 'offerBoard', tenantId: actor.tenantId, openToVisitors: await offersOpenToVisitors(db, actor.tenantId) });
    if (!decision.allowed) throw ProblemError.of('unauthenticated', decision.reason, { headers: { 'www-authenticate': 'Bearer' } });
    c.set('reader', actor);
    await next();
  };
}
