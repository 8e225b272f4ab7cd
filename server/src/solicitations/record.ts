/**
 * `POST /v1/solicitations`: a service records a message it sent a person, in
 * the name of its entity. The ledger records what was sent, whatever the
 * check would have said (the answer's allowance shows where the person
 * stands); the audit entry, the `solicitation.recorded` webhook and the
 * idempotency key's reply are written in the same transaction.
 */
import type { SolicitationCreate, SolicitationView, SolicitationAllowance } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { validationProblem } from '../http/problem.ts';
import { withTransaction } from '../db/transaction.ts';
import { writeAudit } from '../audit/audit.ts';
import { recordEvent } from '../webhooks/record.ts';
import { personResource } from '../consents/people.ts';
import { entityNames } from '../profiles/queries/people.ts';
import { purposeOnChannel } from './check.ts';
import { allowanceOf } from './allowance.ts';
import { entityExists, insertSolicitation } from './queries/ledger.ts';

export async function recordSolicitation(deps: Pick<Deps, 'db' | 'clock'>, call: Call, input: SolicitationCreate): Promise<SolicitationView & { allowance: SolicitationAllowance }> {
  const { db, clock } = deps;
  const { actor, who } = call;
  const { tenantId } = actor;
  if (!(await entityExists(db, tenantId, input.entityId))) throw validationProblem([{ path: 'entityId', code: 'solicitation.entity', params: {} }]);
  authorize(actor, 'solicitation.record', { kind: 'records', tenantId, entityIds: [input.entityId] });
  const purpose = await purposeOnChannel(db, tenantId, input.purpose, input.channel);
  const person = await personResource(db, tenantId, input.personId);
  const entityName = (await entityNames(db, tenantId, [input.entityId])).get(input.entityId) ?? '';
  return withTransaction({ db }, async (tx) => {
    const id = crypto.randomUUID();
    const view: SolicitationView = { id, personId: person.personId, purpose: purpose.key, channel: input.channel, entityId: input.entityId, entityName, campaign: input.campaign, sentAt: who.at, recordedBy: actor.personId };
    await insertSolicitation(tx, { id, tenantId, personId: person.personId, purposeId: purpose.id, channel: input.channel, entityId: input.entityId, campaign: input.campaign, sentAt: who.at, recordedBy: actor.personId });
    await writeAudit(tx, who, { action: 'solicitation.record', objectType: 'solicitation', objectId: id, entityIds: [input.entityId], subjectId: person.personId, detail: { purpose: purpose.key, channel: input.channel, campaign: input.campaign } });
    await recordEvent(tx, who, { type: 'solicitation.recorded', solicitation: view });
    const answer = { ...view, allowance: await allowanceOf(tx, tenantId, person.personId, clock.now()) };
    await call.remember?.(tx, 201, answer);
    return answer;
  });
}
