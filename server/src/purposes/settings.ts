/**
 * The institution's consent defaults: the solicitation cap of people who
 * have not chosen one (administrators change it).
 */
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { findInstitutionSettings, updateInstitutionSettings } from '../consents/queries/settings.ts';
import { tenantDefaultCap } from '../consents/state.ts';

/** Sets the default cap, keeping the institution's other settings, and audits the change from the old value to the new. */
export async function setConsentSettings(deps: Pick<Deps, 'db'>, call: Call, input: { solicitationCapDefault: number }): Promise<{ solicitationCapDefault: number }> {
  const { db } = deps;
  const { actor, who } = call;
  authorize(actor, 'consent.setDefaults', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
  await withTransaction({ db }, async (tx) => {
    const row = await findInstitutionSettings(tx, actor.tenantId);
    const before = await tenantDefaultCap(tx, actor.tenantId);
    await updateInstitutionSettings(tx, actor.tenantId, { ...row?.settings, solicitationCapDefault: input.solicitationCapDefault });
    await writeAudit(tx, who, { action: 'consent.settings', objectType: 'institution', objectId: actor.tenantId, detail: { solicitationCapDefault: { from: before, to: input.solicitationCapDefault } } });
  });
  return { solicitationCapDefault: await tenantDefaultCap(db, actor.tenantId) };
}
