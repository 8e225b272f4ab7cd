/**
 * Creating a purpose of processing and its first text (administrators).
 */
import type { PurposeCreate } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { DbOrTx } from '../db/open.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, validationProblem } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { findTenantEntity } from './queries/purposes.ts';
import { findPurpose, insertPurpose, type PurposeRow } from './purposes.ts';

/** The entity a purpose belongs to must be one of the tenant's, else 422 on `entityId`. */
export async function requireEntity(db: DbOrTx, tenantId: string, entityId: string): Promise<void> {
  const found = await findTenantEntity(db, tenantId, entityId);
  if (!found) throw validationProblem([{ path: 'entityId', code: 'purpose.entity', params: {} }]);
}

/** Creates the purpose and its first version, refusing a key already taken (409), with its audit entry, in one transaction. */
export async function createPurpose(deps: Pick<Deps, 'db'>, call: Call, input: PurposeCreate): Promise<PurposeRow> {
  const { db } = deps;
  const { actor, who } = call;
  authorize(actor, 'purpose.manage', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
  await requireEntity(db, actor.tenantId, input.entityId);
  return withTransaction({ db }, async (tx) => {
    if ((await findPurpose(tx, actor.tenantId, { key: input.key }))) {
      throw new ProblemError('conflict', 'purpose.keyExists', { key: input.key });
    }
    const id = await insertPurpose(tx, actor.tenantId, input, who.at);
    const row = (await findPurpose(tx, actor.tenantId, { id }))!;
    await writeAudit(tx, who, { action: 'purpose.create', objectType: 'purpose', objectId: id, entityIds: [input.entityId], detail: { key: input.key, version: row.version.hash } });
    return row;
  });
}
