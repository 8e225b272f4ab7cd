/**
 * `POST /v1/pledges/payment-callback?tenant=<slug>`: the institution's payment
 * page tells Passerelle a gift was paid, and the gift is marked received
 * through `receivePledge` (so its tax receipt follows), with the amount and
 * day paid, audited. Signed as Passerelle signs its webhooks (Standard
 * Webhooks, webhooks/sign.ts): `webhook-id`, `webhook-timestamp` and
 * `webhook-signature` = `v1,` + base64(HMAC-SHA256(secret, `${id}.${timestamp}.${body}`)),
 * with the institution's secret (`pnpm passerelle institution
 * rotate-payment-secret`). Replays: a timestamp more than five minutes from
 * the server's clock is refused, and a gift already received is not received
 * again (the answer says `alreadyReceived`), whatever the message's id.
 */
import * as v from 'valibot';
import { timingSafeEqual } from 'node:crypto';
import { PAYMENT_CALLBACK_WINDOW_SECONDS, PaymentCallbackSchema, fieldIssues, type Actor, type PaymentCallbackResult } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { ProblemError, validationProblem } from '../http/problem.ts';
import { findInstitutionBySlug } from '../tenancy/queries/institutions.ts';
import { entityParents } from '../auth/session.ts';
import { withTransaction } from '../db/transaction.ts';
import { writeAudit } from '../audit/audit.ts';
import { signature, signingSecrets, type SigningKeys } from '../webhooks/sign.ts';
import { findPledgeJoined } from './queries/joined.ts';
import { paymentCallbackKeys } from './payment-pages.ts';
import { receivePledge } from './status.ts';
import { today } from './load.ts';

/** The audit origin of what the payment page does. */
export const PAYMENT_CALLBACK_ORIGIN = 'payment-callback';

export interface SignedRequest {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
}

const refused = () => new ProblemError('unauthenticated', 'payment.callback.signature');

/** Whether one of the `v1,` signatures of the header is the body's under one of the keys (the previous secret too, for a day after a rotation). */
function signedBy(keys: SigningKeys, req: SignedRequest & { id: string }, timestamp: number, now: Date): boolean {
  const given = (req.signature ?? '').split(' ').filter((s) => s.startsWith('v1,')).map((s) => Buffer.from(s));
  return signingSecrets(keys, now).some((secret) => {
    const expected = Buffer.from(signature(secret, req.id, timestamp, req.body));
    return given.some((g) => g.length === expected.length && timingSafeEqual(g, expected));
  });
}

/** Checks the signature and its freshness: 401 `payment.callback.signature` or `payment.callback.expired`. */
export function verifyPaymentSignature(keys: SigningKeys | null, req: SignedRequest, now: Date): void {
  if (!keys || !req.id || !req.timestamp || !req.signature || !/^\d{1,12}$/.test(req.timestamp)) throw refused();
  const timestamp = Number(req.timestamp);
  if (!signedBy(keys, { ...req, id: req.id }, timestamp, now)) throw refused();
  if (Math.abs(now.getTime() / 1000 - timestamp) > PAYMENT_CALLBACK_WINDOW_SECONDS) {
    throw new ProblemError('unauthenticated', 'payment.callback.expired', { seconds: PAYMENT_CALLBACK_WINDOW_SECONDS });
  }
}

/** The payment page, as the policy sees it: staff of the gift's beneficiary, for this gift only. */
const paymentPageActor = (tenantId: string, entityId: string, parents: Actor['entityParents']): Actor => ({
  personId: PAYMENT_CALLBACK_ORIGIN,
  tenantId,
  memberships: [{ role: 'staff', entityId }],
  entityParents: parents,
});

export async function paymentCallback(deps: Deps, input: { tenantSlug: string | undefined; request: SignedRequest }): Promise<PaymentCallbackResult> {
  if (!input.tenantSlug) throw validationProblem([{ path: 'tenant', code: 'payment.callback.tenant', params: {} }]);
  const tenant = await findInstitutionBySlug(deps.db, input.tenantSlug);
  // An unknown institution is refused as a bad signature: the answer does not say which slugs exist.
  const keys = tenant ? await paymentCallbackKeys(deps.db, tenant.id) : null;
  const now = deps.clock.now();
  verifyPaymentSignature(keys, input.request, now);
  const tenantId = tenant!.id;
  let json: unknown;
  try {
    json = JSON.parse(input.request.body);
  } catch {
    throw new ProblemError('malformed', 'request.malformedJson');
  }
  const parsed = v.safeParse(PaymentCallbackSchema, json);
  if (!parsed.success) throw validationProblem(fieldIssues(parsed.issues));
  const paid = parsed.output;
  const who = { tenantId, actorId: null, origin: PAYMENT_CALLBACK_ORIGIN, at: now.toISOString() };
  // One transaction: a second notice of the same payment waits for the first and finds the gift received.
  return withTransaction({ db: deps.db }, async (tx) => {
    const joined = await findPledgeJoined(tx, tenantId, paid.reference);
    if (!joined) throw new ProblemError('notFound', 'payment.callback.unknownReference');
    const p = joined.pledge;
    if (p.kind !== 'donation') throw new ProblemError('conflict', 'payment.callback.notGift');
    if (p.status === 'received') {
      return { reference: p.id, status: 'received', receivedAmountCents: p.receivedCents ?? paid.amountCents, receivedOn: p.receivedOn ?? paid.paidOn ?? today(deps), alreadyReceived: true };
    }
    const call: Call = { actor: paymentPageActor(tenantId, p.entityId, await entityParents(tx, tenantId)), tenantSlug: input.tenantSlug!, who };
    const receivedOn = paid.paidOn ?? today(deps);
    await receivePledge({ ...deps, db: tx }, call, { id: p.id, receivedAmountCents: paid.amountCents, receivedOn });
    await writeAudit(tx, who, {
      action: 'pledge.paymentCallback',
      objectType: 'pledge',
      objectId: p.id,
      entityIds: [p.entityId],
      subjectId: p.authorId,
      detail: { messageId: input.request.id, paymentId: paid.paymentId ?? null, amountCents: paid.amountCents, paidOn: receivedOn },
    });
    return { reference: p.id, status: 'received', receivedAmountCents: paid.amountCents, receivedOn, alreadyReceived: false };
  });
}
