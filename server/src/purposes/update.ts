/**
 * Editing a purpose (administrators, `If-Match`). Editing the text, the
 * legal basis or the channels publishes a new version; people who agreed to
 * the old one are asked again.
 */
import type { PurposeUpdate } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { updatePurpose } from './queries/purposes.ts';
import { ensureVersion, findPurpose, purposeEtag, type PurposeRow } from './purposes.ts';
import { requireEntity } from './create.ts';
import { announceRenewals } from '../consents/renewals.ts';
import { mailPurposeTextChanged } from '../mail/messages/consents.ts';

export interface PurposeEdit {
  id: string;
  patch: PurposeUpdate;
  /** The `If-Match` the caller sent: the ETag of the revision it edited. */
  ifMatch: string | undefined;
}

/** Applies the patch in one transaction: a version for the new text (or the older one it goes back to), the next revision, the audit entry. */
export async function editPurpose(deps: Pick<Deps, 'db'>, call: Call, { id, patch: input, ifMatch }: PurposeEdit): Promise<PurposeRow> {
  const { db } = deps;
  const { actor, who } = call;
  authorize(actor, 'purpose.manage', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
  if (!ifMatch) throw new ProblemError('preconditionRequired', 'purpose.ifMatchRequired');
  if (input.entityId) await requireEntity(db, actor.tenantId, input.entityId);
  return withTransaction({ db }, async (tx) => {
    const current = await findPurpose(tx, actor.tenantId, { id });
    if (!current) throw notFound('purpose.notFound');
    if (ifMatch !== purposeEtag(current)) throw new ProblemError('preconditionFailed', 'purpose.changed');
    const v0 = current.version;
    const content = {
      title: input.title ?? v0.title,
      description: input.description ?? v0.description,
      legalBasis: input.legalBasis ?? v0.legalBasis,
      channels: input.channels ?? v0.channels,
    };
    const version = await ensureVersion(tx, actor.tenantId, current.id, content, who.at);
    await updatePurpose(tx, actor.tenantId, current.id, {
      currentVersionId: version.id,
      entityId: input.entityId ?? current.entity.id,
      retentionMonths: input.retentionMonths ?? current.retentionMonths,
      revision: current.revision + 1,
      updatedAt: who.at,
    });
    await writeAudit(tx, who, {
      action: 'purpose.edit',
      objectType: 'purpose',
      objectId: current.id,
      entityIds: [...new Set([current.entity.id, input.entityId ?? current.entity.id])],
      detail: { key: current.key, fromVersion: v0.hash, toVersion: version.hash, fields: Object.keys(input) },
    });
    const updated = (await findPurpose(tx, actor.tenantId, { id: current.id }))!;
    // People who agreed to the earlier text are asked to confirm the new one.
    await mailPurposeTextChanged(tx, who, updated, v0.id);
    // The CRM hears of each of them too (consent.renewal_needed), when the text is a new one.
    if (version.id !== v0.id) await announceRenewals(tx, who, updated);
    return updated;
  });
}
