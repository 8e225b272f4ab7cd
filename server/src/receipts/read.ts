/**
 * Reading receipts: one receipt's PDF (whoever reads the gift's amount: the
 * donor, the giving company's representatives, staff of the beneficiary,
 * administrators) and the staff's list of their entities' receipts.
 */
import { can, entityScope, selfAndAncestors, type Actor, type Page, type Receipt, type ReceiptListQuery } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { DbOrTx } from '../db/open.ts';
import { authorize, unseenRefusal } from '../auth/authorize.ts';
import { notFound, validationProblem } from '../http/problem.ts';
import { findPledgeJoined } from '../pledges/queries/joined.ts';
import { pledgeResource } from '../pledges/access.ts';
import type { PledgeJoined } from '../pledges/project.ts';
import { findReceipt, listReceiptRows, type ReceiptKeyset, type ReceiptRow } from './queries/receipts.ts';
import { renderReceiptPdf } from './pdf.ts';

/** A receipt as the API lists it. */
export function receiptView(r: ReceiptRow): Receipt {
  return {
    id: r.id,
    number: r.number,
    year: r.year,
    sequence: r.sequence,
    pledgeId: r.pledgeId,
    entityId: r.entityId,
    model: r.model,
    yearly: r.yearly,
    status: r.status,
    donorKind: r.donorKind,
    donorName: r.donorName,
    amountCents: r.amountCents,
    currency: 'EUR',
    giftDate: r.giftDate,
    paymentMethod: r.paymentMethod,
    issuedAt: r.issuedAt,
    ...(r.cancelledAt ? { cancelledAt: r.cancelledAt } : {}),
    ...(r.cancelReason ? { cancelReason: r.cancelReason } : {}),
    ...(r.replacedById ? { replacedById: r.replacedById } : {}),
    ...(r.replacesId ? { replacesId: r.replacesId } : {}),
  };
}

/**
 * A receipt the caller may know of, with its gift: 404 when the receipt or
 * its gift is unseen (another tenant's, someone else's gift); 403 with the
 * policy's reason when they see the gift but `action` is not theirs.
 */
export async function loadReceipt(db: DbOrTx, actor: Actor, id: string, action: 'receipt.read' | 'receipt.correct'): Promise<{ receipt: ReceiptRow; joined: PledgeJoined }> {
  const receipt = await findReceipt(db, actor.tenantId, id);
  const joined = receipt && (await findPledgeJoined(db, actor.tenantId, receipt.pledgeId));
  if (!receipt || !joined) throw notFound('receipt.notFound');
  const resource = pledgeResource(joined.pledge);
  const sees = (a: Actor) => can(a, 'receipt.read', resource);
  if (!sees(actor)) throw unseenRefusal(actor, sees, notFound('receipt.notFound'));
  authorize(actor, action, resource);
  return { receipt, joined };
}

/** `GET /v1/receipts/:id/receipt.pdf`: the receipt as issued; a cancelled one says so on top, with its replacement's number. */
export async function receiptPdf(deps: Pick<Deps, 'db'>, call: Pick<Call, 'actor'>, input: { id: string }): Promise<{ number: string; pdf: Uint8Array<ArrayBuffer> }> {
  const { db } = deps;
  const { receipt } = await loadReceipt(db, call.actor, input.id, 'receipt.read');
  const replacement = receipt.replacedById ? await findReceipt(db, call.actor.tenantId, receipt.replacedById) : undefined;
  const cancelled = receipt.status === 'cancelled' ? { on: (receipt.cancelledAt ?? receipt.issuedAt).slice(0, 10), reason: receipt.cancelReason ?? '', ...(replacement ? { replacedBy: replacement.number } : {}) } : undefined;
  return { number: receipt.number, pdf: await renderReceiptPdf(receipt.mentions, cancelled) };
}

const encodeCursor = (k: ReceiptKeyset) => Buffer.from(JSON.stringify(k)).toString('base64url');
function decodeCursor(s: string): ReceiptKeyset {
  try {
    const k = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as ReceiptKeyset;
    if (Number.isInteger(k.year) && Number.isInteger(k.sequence)) return k;
  } catch {
    // fall through
  }
  throw validationProblem([{ path: 'cursor', code: 'list.cursor', params: {} }]);
}

/**
 * The entities whose receipts the caller reads (policy `receipt.list`): the
 * named one and those below it, else every entity they look after;
 * undefined for the whole tenant (administrators).
 */
export function receiptScope(actor: Actor, entityId: string | undefined): string[] | undefined {
  authorize(actor, 'receipt.list', { kind: 'records', tenantId: actor.tenantId, entityIds: entityId ? [entityId] : 'covered' });
  if (entityId) return Object.keys(actor.entityParents).filter((id) => selfAndAncestors(actor.entityParents, id).includes(entityId));
  const scope = entityScope(actor);
  return scope.all ? undefined : [...scope.entityIds];
}

/** `GET /v1/receipts`: latest number first. */
export async function listReceipts(deps: Pick<Deps, 'db'>, call: Pick<Call, 'actor'>, q: ReceiptListQuery): Promise<Page<Receipt>> {
  const { actor } = call;
  const entityIds = receiptScope(actor, q.entityId);
  const rows = await listReceiptRows(deps.db, actor.tenantId, { entityIds, year: q.year, status: q.status, pledgeId: q.pledgeId }, { after: q.cursor ? decodeCursor(q.cursor) : undefined, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page.map(receiptView), nextCursor: rows.length > q.limit && last ? encodeCursor({ year: last.year, sequence: last.sequence }) : null };
}
