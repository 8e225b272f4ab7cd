/**
 * The CRM export: every reachable person's state for one purpose, as CSV,
 * with where each last choice was made. Administrators only, and audited.
 */
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { notFound } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { toCsv } from '../csv/write.ts';
import { withTransaction } from '../db/transaction.ts';
import { findPurpose } from '../purposes/purposes.ts';
import { listReachablePeople } from './queries/people.ts';
import { lastChoices, lastChoicesForPurpose, purposeState, solicitationCaps, tenantDefaultCap } from './state.ts';

/**
 * The columns, `origin` (checked by the server) and `claimedPage` (named by
 * the client) last, so that tools reading the earlier ones by position still work.
 */
const columns = ['personId', 'email', 'displayName', 'purpose', 'channel', 'granted', 'source', 'since', 'versionHash', 'renewalNeeded', 'expiresAt', 'solicitationCapPerMonth', 'origin', 'claimedPage'];

export interface ConsentExport {
  /** The purpose's key and the day of the export: what the file is named after. */
  purposeKey: string;
  day: string;
  csv: string;
}

/** One row per person and channel of the purpose, and the audit entry saying who exported how many rows. */
export async function exportConsents(deps: Pick<Deps, 'db' | 'clock'>, call: Call, input: { purposeKey: string }): Promise<ConsentExport> {
  const { db, clock } = deps;
  const { actor, who } = call;
  authorize(actor, 'consent.export', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
  const purpose = await findPurpose(db, actor.tenantId, { key: input.purposeKey });
  if (!purpose) throw notFound('purpose.notFound');
  const now = clock.now();
  const choices = await lastChoicesForPurpose(db, actor.tenantId, purpose.id);
  const caps = await solicitationCaps(db, actor.tenantId);
  const defaultCap = await tenantDefaultCap(db, actor.tenantId);
  const none: Awaited<ReturnType<typeof lastChoices>> = new Map();
  const rows: Record<string, unknown>[] = [];
  // An erased person has no address left to write to: nothing to send to the CRM.
  const everyone = await listReachablePeople(db, actor.tenantId);
  for (const person of everyone) {
    const last = choices.get(person.id);
    const state = purposeState(purpose, last ?? none, now);
    for (const ch of state.channels) {
      const proof = last?.get(`${purpose.id}:${ch.channel}`);
      rows.push({
        personId: person.id,
        email: person.email,
        displayName: person.displayName,
        purpose: purpose.key,
        channel: ch.channel,
        granted: ch.granted ? 'yes' : 'no',
        source: ch.source,
        since: ch.since,
        versionHash: ch.versionHash,
        renewalNeeded: ch.renewalNeeded ? 'yes' : 'no',
        expiresAt: ch.expiresAt,
        solicitationCapPerMonth: caps.get(person.id) ?? defaultCap,
        origin: proof?.origin ?? null,
        claimedPage: proof?.claimedPage ?? null,
      });
    }
  }
  await withTransaction({ db }, async (tx) => writeAudit(tx, who, { action: 'consent.export', objectType: 'purpose', objectId: purpose.id, entityIds: [purpose.entity.id], detail: { purpose: purpose.key, rows: rows.length } }));
  return { purposeKey: purpose.key, day: now.toISOString().slice(0, 10), csv: toCsv(rows, columns) };
}
