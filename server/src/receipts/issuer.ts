/**
 * Whether, and in whose name, the institution issues tax receipts: its legal
 * name, address, object, status, SIREN and signatory, kept in the
 * institution's `settings` JSON under `receiptIssuer`. Unset (the default),
 * the institution issues no receipt. Set by an administrator
 * (`PUT /v1/receipts/issuer`) or an operator
 * (`pnpm passerelle institution set-receipt-issuer`), audited either way.
 */
import * as v from 'valibot';
import { ReceiptIssuerSchema, type ReceiptIssuer } from '@passerelle/schema';
import type { Db, DbOrTx } from '../db/open.ts';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { AuditOrigin } from '../audit/audit.ts';
import { findInstitutionSettings, updateInstitutionSettings } from '../consents/queries/settings.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { authorize } from '../auth/authorize.ts';

/** The key in `institutions.settings`. */
export const RECEIPT_ISSUER = 'receiptIssuer';

/** The institution as its receipts name it, or null when it issues none. */
export async function receiptIssuerOf(db: DbOrTx, tenantId: string): Promise<ReceiptIssuer | null> {
  const stored = (await findInstitutionSettings(db, tenantId))?.settings[RECEIPT_ISSUER];
  const parsed = v.safeParse(ReceiptIssuerSchema, stored);
  return parsed.success ? parsed.output : null;
}

/** Sets the issuer (other settings untouched), with an audit entry naming what changed; answers what it was before. */
export async function setReceiptIssuer(db: Db, tenantId: string, issuer: ReceiptIssuer, who: AuditOrigin): Promise<{ before: ReceiptIssuer | null; changed: boolean }> {
  return withTransaction({ db }, async (tx) => {
    const settings = (await findInstitutionSettings(tx, tenantId))?.settings ?? {};
    const before = await receiptIssuerOf(tx, tenantId);
    const changed = JSON.stringify(before) !== JSON.stringify(issuer);
    if (!changed) return { before, changed };
    await updateInstitutionSettings(tx, tenantId, { ...settings, [RECEIPT_ISSUER]: issuer });
    const fields = (Object.keys(issuer) as (keyof ReceiptIssuer)[]).filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(issuer[k]));
    await writeAudit(tx, who, { action: 'institution.receiptIssuer', objectType: 'institution', objectId: tenantId, detail: { fields, wasEligible: before !== null } });
    return { before, changed };
  });
}

/** `GET /v1/receipts/issuer` (administrators). */
export async function readReceiptIssuer(deps: Pick<Deps, 'db'>, call: Pick<Call, 'actor'>): Promise<{ issuer: ReceiptIssuer | null }> {
  const { actor } = call;
  authorize(actor, 'receipt.setIssuer', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
  return { issuer: await receiptIssuerOf(deps.db, actor.tenantId) };
}

/** `PUT /v1/receipts/issuer` (administrators): the whole setting at once. */
export async function putReceiptIssuer(deps: Pick<Deps, 'db'>, call: Pick<Call, 'actor' | 'who'>, input: ReceiptIssuer): Promise<{ issuer: ReceiptIssuer }> {
  const { actor } = call;
  authorize(actor, 'receipt.setIssuer', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
  await setReceiptIssuer(deps.db, actor.tenantId, input, call.who);
  return { issuer: input };
}
