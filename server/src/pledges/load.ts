/**
 * Reading one pledge for a use case: the row joined with its beneficiary and
 * company, refused as 404 when the caller may not know it exists, and the
 * institution's payment page that the projection links to.
 */
import type { Message } from '@passerelle/schema/messages';
import { can, type Actor, type Pledge } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { DbOrTx } from '../db/open.ts';
import { findPledgeJoined } from './queries/joined.ts';
import type { PaymentPages } from '@passerelle/schema';
import { paymentPagesOf } from './payment-pages.ts';
import { forbidden, notFound } from '../http/problem.ts';
import { pledgeResource } from './access.ts';
import { unseenRefusal } from '../auth/authorize.ts';
import { etagOf, projectPledge, type PledgeJoined, type PledgeRow } from './project.ts';
import { receiptOf } from '../receipts/of-pledges.ts';

/** The pledge if the caller may know it exists; 404 otherwise (another tenant included). */
export async function loadVisible(db: DbOrTx, actor: Actor, id: string): Promise<PledgeJoined> {
  const row = await findPledgeJoined(db, actor.tenantId, id);
  if (!row) throw notFound('pledge.notFound');
  const sees = (a: Actor) => can(a, 'pledge.read', pledgeResource(row.pledge));
  if (!sees(actor)) throw unseenRefusal(actor, sees, notFound('pledge.notFound'));
  return row;
}

/** One pledge as the caller may see it, and its version for `If-Match`. */
export async function readPledge(deps: Pick<Deps, 'db' | 'config'>, call: Pick<Call, 'actor' | 'tenantSlug'>, input: { id: string }): Promise<{ pledge: Pledge; etag: string; }> {
  const { actor } = call;
  const joined = await loadVisible(deps.db, actor, input.id);
  const receipt = await receiptOf(deps.db, actor, joined.pledge);
  return { pledge: projectPledge(actor, joined, { paymentUrl: await paymentUrlOf(deps, actor.tenantId, call.tenantSlug), receipt }), etag: etagOf(joined.pledge) };
}

/** Loads a pledge for a state change or an edit: 404 if unseen, 403 if seen but not theirs to change. */
export async function loadForChange(db: DbOrTx, actor: Actor, id: string, may: (row: PledgeRow) => boolean, reason: Message): Promise<PledgeJoined> {
  const joined = await loadVisible(db, actor, id);
  if (!may(joined.pledge)) throw forbidden(reason);
  return joined;
}

/**
 * The institution's payment pages for gifts (per institution, entity or fund: payment-pages.ts), from
 * which the projection makes each promised gift's `paymentUrl`, its amount and reference filled in.
 */
export async function paymentUrlOf(deps: Pick<Deps, 'db' | 'config'>, tenantId: string, slug: string): Promise<PaymentPages> {
  return paymentPagesOf(deps, tenantId, slug);
}

/** Today's date (UTC) by the app's clock, as the tax rules and receipts read it. */
export const today = (deps: Pick<Deps, 'clock'>) => deps.clock.now().toISOString().slice(0, 10);
