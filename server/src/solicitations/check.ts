/**
 * `POST /v1/solicitations/check`: before sending, who may be contacted now
 * for a purpose on a channel. A person may be when they are one of the
 * institution's people, the caller may read their consents, they did not ask
 * to be erased, their consent on that channel is granted to the purpose's
 * current text (under legitimate interest: they did not object), and their
 * monthly cap is not used up, every service together. One query per chunk of
 * `ID_CHUNK` people, whatever the number of people.
 */
import { entityScope, type SolicitationCheck, type SolicitationCheckItem, type SolicitationCheckResult, type SolicitationRefusal } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { notFound, validationProblem } from '../http/problem.ts';
import { findPurpose, type PurposeRow } from '../purposes/purposes.ts';
import { channelState, tenantDefaultCap } from '../consents/state.ts';
import { chunksOf, monthRange } from './allowance.ts';
import { checkRows } from './queries/ledger.ts';
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
  const month = monthRange(now);
  const defaultCap = await tenantDefaultCap(db, tenantId);
  // Whose consents the caller may read: the policy's scope of lists (an administrator the whole tenant, staff the
  // members of the entities they cover), turned into SQL by the query.
  const scope = entityScope(actor);
  const ids = [...new Set(input.people)];
  const answers = new Map<string, SolicitationCheckItem>();
  // The chunks are asked at once: on PostgreSQL each runs on its own connection, in parallel (two chunks of
  // 5,000 took 2 x 120 ms one after the other); SQLite's one connection takes them in turn, as before.
  const on = { purposeId: purpose.id, channel: input.channel, from: month.from, to: month.to, scope };
  const chunks = await Promise.all(chunksOf(ids).map((chunk) => checkRows(db, tenantId, chunk, on)));
  for (const rows of chunks) {
    for (const row of rows) {
      const { personId } = row;
      if (!row.inScope) {
        answers.set(personId, { personId, allowed: false, reason: 'outOfScope' });
        continue;
      }
      const perMonth = row.cap ?? defaultCap;
      const used = row.ledger + row.mail;
      const allowance = { month: month.month, perMonth, used, remaining: Math.max(0, perMonth - used) };
      const last = row.granted === null || row.versionId === null || row.at === null ? undefined : { granted: row.granted, at: row.at, versionId: row.versionId, versionHash: '' };
      const state = channelState(purpose, input.channel, last, now);
      let reason: SolicitationRefusal | undefined;
      if (row.erased) reason = 'erased';
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
