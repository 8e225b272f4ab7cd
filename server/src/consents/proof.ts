/**
 * Proof an auditor can pull (issue 20 item 3): a person's complete consent
 * record, and the proof of one consent as a document (JSON or PDF).
 * Administrators and the data protection officer (the policy's
 * `consent.proof`); anyone else is refused with the policy's reason.
 * Making a proof is audited: it takes a person's data out of Passerelle.
 */
import type { ConsentProof, ConsentProofStatus, ConsentRecordEvent } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { DbOrTx } from '../db/open.ts';
import { authorize } from '../auth/authorize.ts';
import { notFound } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { findPurpose } from '../purposes/purposes.ts';
import { personResource } from './people.ts';
import { channelState, lastChoices } from './state.ts';
import { versionHash } from './version.ts';
import { consentRecordRows, findConsentRecordEvent, laterChannelEvents, proofParties, type ConsentRecordRow } from './queries/record.ts';

type ProofDeps = Pick<Deps, 'db' | 'clock'>;

/** One stored event as an auditor reads it. */
function recordEvent(r: ConsentRecordRow, personId: string): ConsentRecordEvent {
  return {
    id: r.id,
    seq: r.seq,
    purposeKey: r.purposeKey,
    channel: r.channel,
    granted: r.granted,
    at: r.at,
    origin: { checked: r.origin, claimedPage: r.originPage, page: r.originPage, component: r.originComponent },
    actor: { kind: r.actorId === personId ? 'self' : 'staff', personId: r.actorId, displayName: r.actorName ?? null, reason: r.actorReason },
    version: r.version,
  };
}

/** The person of the tenant the caller may read the proof of, or 404 / 403 with the policy's reason. */
async function authorizeProof(db: DbOrTx, { actor }: Call, personId: string): Promise<void> {
  authorize(actor, 'consent.proof', await personResource(db, actor.tenantId, personId));
}

/** A page of the person's complete consent record, oldest first (the cursor is the last `seq` of the previous page). */
export async function readConsentRecord(deps: ProofDeps, call: Call, input: { personId: string; limit: number; afterSeq: number }): Promise<{ items: ConsentRecordEvent[]; nextCursor: string | null }> {
  const { db } = deps;
  await authorizeProof(db, call, input.personId);
  const rows = await consentRecordRows(db, call.actor.tenantId, input.personId, input.afterSeq, input.limit + 1);
  const page = rows.slice(0, input.limit);
  return { items: page.map((r) => recordEvent(r, input.personId)), nextCursor: rows.length > input.limit ? String(page.at(-1)!.seq) : null };
}

/** Where the consent of `event` stands, given the later events of its channel and the channel's state today. */
function statusOf(event: ConsentRecordEvent, later: readonly ConsentRecordEvent[], current: ConsentProof['current']): ConsentProofStatus {
  if (!event.granted) return 'refusal';
  const next = later[0];
  if (next) return next.granted ? 'superseded' : 'withdrawn';
  if (!current.granted) return 'expired';
  return current.renewalNeeded ? 'renewalNeeded' : 'inForce';
}

/** The proof of one event of the person's record, and the audit entry saying who made it. */
export async function consentProof(deps: ProofDeps, call: Call, input: { personId: string; eventId: string }): Promise<ConsentProof> {
  const { db, clock } = deps;
  const { actor, who } = call;
  await authorizeProof(db, call, input.personId);
  const row = await findConsentRecordEvent(db, actor.tenantId, input.personId, input.eventId);
  if (!row) throw notFound('resource.notFound');
  const event = recordEvent(row, input.personId);
  const later = (await laterChannelEvents(db, actor.tenantId, input.personId, row.purposeId, row.channel, row.seq)).map((r) => recordEvent(r, input.personId));
  const purpose = await findPurpose(db, actor.tenantId, { id: row.purposeId });
  if (!purpose) throw notFound('purpose.notFound');
  const now = clock.now();
  const current = channelState(purpose, row.channel, (await lastChoices(db, actor.tenantId, input.personId)).get(`${purpose.id}:${row.channel}`), now);
  const recomputedHash = versionHash(event.version);
  const parties = await proofParties(db, actor.tenantId, [input.personId, actor.personId]);
  const [person, reader] = parties.people;
  const proof: ConsentProof = {
    kind: 'passerelle.consent-proof',
    generatedAt: now.toISOString(),
    generatedBy: { personId: actor.personId, displayName: reader?.displayName ?? null },
    institution: { id: actor.tenantId, name: parties.institution?.name ?? '' },
    person: { id: input.personId, displayName: person?.displayName ?? null, email: person?.email ?? null },
    event,
    integrity: { algorithm: 'sha256', recordedHash: event.version.hash, recomputedHash, matches: recomputedHash === event.version.hash },
    later,
    status: statusOf(event, later, current),
    current,
  };
  await withTransaction({ db }, (tx) =>
    writeAudit(tx, who, {
      action: 'consent.proof',
      objectType: 'consent_event',
      objectId: event.id,
      entityIds: [purpose.entity.id],
      subjectId: input.personId,
      detail: { purpose: event.purposeKey, channel: event.channel, version: event.version.hash, status: proof.status },
    }),
  );
  return proof;
}
