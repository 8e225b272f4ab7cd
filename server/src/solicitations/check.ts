/**
 * `POST /v1/solicitations/check`: before sending, who may be contacted now
 * for a purpose on a channel. A person may be when they are one of the
 * institution's people, the caller may read their consents, they did not ask
 * to be erased, their consent on that channel is granted to the purpose's
 * current text (under legitimate interest: they did not object), and their
 * monthly cap is not used up, every service together. A fixed number of
 * queries per chunk of `ID_CHUNK` people.
 */
import { decide, type SolicitationCheck, type SolicitationCheckItem, type SolicitationCheckResult, type SolicitationRefusal } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { notFound, validationProblem } from '../http/problem.ts';
import { findPurpose, type PurposeRow } from '../purposes/purposes.ts';
import { channelState, tenantDefaultCap } from '../consents/state.ts';
import { allowancesOfChunk, chunksOf } from './allowance.ts';
import { channelEventsOfPeople, entitiesOfPeople, erasedPeople, existingPeople } from './queries/ledger.ts';
import type { DbOrTx } from '../db/open.ts';

/** The purpose named by key, using the channel; 404 or 400 otherwise. */
export async function purposeOnChannel(db: DbOrTx, tenantId: string, key: string, channel: SolicitationCheck['channel']): Promise<PurposeRow> {
  const purpose = await findPurpose(db, tenantId, { key });
  if (!purpose) throw notFound('purpose.notFound');
  if (!purpose.version.channels.includes(channel)) {
    throw validationProblem([{ path: 'channel', code: 'consent.channelUnused', params: { channel, channels: [...purpose.version.channels] } }]);
  }
  return purpose;
}

export async function checkSolicitations(deps: Pick<Deps, 'db' | 'clock'>, call: Call, input: SolicitationCheck): Promise<SolicitationCheckResult> {
  const { db, clock } = deps;
  const { actor } = call;
  const { tenantId } = actor;
  authorize(actor, 'solicitation.check', { kind: 'records', tenantId, entityIds: 'covered' });
  const purpose = await purposeOnChannel(db, tenantId, input.purpose, input.channel);
  const now = clock.now();
  const defaultCap = await tenantDefaultCap(db, tenantId);
  const ids = [...new Set(input.people)];
  const answers = new Map<string, SolicitationCheckItem>();
  for (const chunk of chunksOf(ids)) {
    const existing = await existingPeople(db, tenantId, chunk);
    const known = chunk.filter((id) => existing.has(id));
    if (known.length === 0) continue;
    const entities = await entitiesOfPeople(db, tenantId, known);
    const erased = await erasedPeople(db, tenantId, known);
    const last = new Map<string, { granted: boolean; at: string; versionId: string; versionHash: string }>();
    for (const e of await channelEventsOfPeople(db, tenantId, purpose.id, input.channel, known)) last.set(e.personId, { granted: e.granted, at: e.at, versionId: e.versionId, versionHash: '' });
    const allowances = await allowancesOfChunk(db, tenantId, known, now, defaultCap);
    for (const personId of known) {
      if (!decide(actor, 'consent.read', { kind: 'person', tenantId, personId, entityIds: entities.get(personId) ?? [] }).allowed) {
        answers.set(personId, { personId, allowed: false, reason: 'outOfScope' });
        continue;
      }
      const allowance = allowances.get(personId)!;
      const state = channelState(purpose, input.channel, last.get(personId), now);
      let reason: SolicitationRefusal | undefined;
      if (erased.has(personId)) reason = 'erased';
      else if (!state.granted) reason = purpose.version.legalBasis === 'consent' ? 'notGranted' : 'objected';
      else if (state.renewalNeeded) reason = 'renewalNeeded';
      else if (allowance.remaining <= 0) reason = 'capReached';
      answers.set(personId, reason ? { personId, allowed: false, reason, allowance } : { personId, allowed: true, allowance });
    }
  }
  return {
    purpose: purpose.key,
    channel: input.channel,
    at: now.toISOString(),
    items: ids.map((personId) => answers.get(personId) ?? { personId, allowed: false, reason: 'unknownPerson' }),
  };
}
