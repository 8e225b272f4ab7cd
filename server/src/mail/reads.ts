/**
 * What staff see of a person's messages (kind, times, status, masked
 * address; never the words), the person's own optional messages, and the
 * one-click unsubscribe of a List-Unsubscribe link.
 */
import { optionalMailKinds, type MailPreference, type PersonMail } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { personResource } from '../consents/people.ts';
import { decodeCursor, encodeCursor } from '../offers/cursor.ts';
import { findMailByUnsubscribeHash, listMailOfPerson, optedOutKinds, setOptOut, type MailRow } from './queries/outbox.ts';
import { recipientOf } from './queries/recipients.ts';
import { hashToken } from './send.ts';

/** `claire.martin@example.org` → `c•••@example.org`. */
export function maskAddress(address: string | null): string | null {
  if (!address) return null;
  const at = address.lastIndexOf('@');
  return at <= 0 ? '•••' : `${address[0]}•••${address.slice(at)}`;
}

export const personMailView = (row: MailRow): PersonMail => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  address: maskAddress(row.address),
  createdAt: row.createdAt,
  sentAt: row.sentAt,
  attempts: row.attempts,
  lastError: row.lastError,
});

/** A person's messages, newest first: their staff (the policy's `consent.read`, scoped to their entities), administrators, and the person. */
export async function listPersonMail(deps: Pick<Deps, 'db'>, call: Call, input: { personId: string; limit: number; cursor?: string | undefined }) {
  const { db } = deps;
  const { actor } = call;
  if (!(await recipientOf(db, actor.tenantId, input.personId))) throw notFound('mail.person.notFound');
  authorize(actor, 'consent.read', await personResource(db, actor.tenantId, input.personId));
  const after = decodeCursor(input.cursor);
  const rows = await listMailOfPerson(db, actor.tenantId, input.personId, { limit: input.limit + 1, after: after ? { createdAt: after.sortKey, id: after.id } : undefined });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { items: page.map(personMailView), nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** The caller's optional messages and whether each is on. */
export async function mailPreferences(deps: Pick<Deps, 'db'>, call: Call) {
  const off = await optedOutKinds(deps.db, call.actor.tenantId, call.actor.personId);
  return { items: optionalMailKinds.map((kind) => ({ kind, on: !off.includes(kind) })) };
}

/** Turns one optional message on or off for the caller; audited. */
export async function setMailPreference(deps: Pick<Deps, 'db'>, call: Call, input: MailPreference) {
  const { actor, who } = call;
  await withTransaction({ db: deps.db }, async (tx) => {
    const before = !(await optedOutKinds(tx, actor.tenantId, actor.personId)).includes(input.kind);
    if (before === input.on) return;
    await setOptOut(tx, { tenantId: actor.tenantId, personId: actor.personId, kind: input.kind, at: who.at }, !input.on);
    await writeAudit(tx, who, { action: 'mail.preference', objectType: 'person', objectId: actor.personId, subjectId: actor.personId, detail: { kind: input.kind, on: input.on } });
  });
  return mailPreferences(deps, call);
}

/** The one-click unsubscribe of an optional message's link: that kind is turned off for its recipient (404 for an unknown token). */
export async function unsubscribe(deps: Pick<Deps, 'db' | 'clock'>, input: { token: string }) {
  const at = deps.clock.now().toISOString();
  return withTransaction({ db: deps.db }, async (tx) => {
    const row = await findMailByUnsubscribeHash(tx, hashToken(input.token));
    if (!row) throw new ProblemError('notFound', 'mail.unsubscribe.unknown');
    const already = (await optedOutKinds(tx, row.tenantId, row.personId)).includes(row.kind);
    if (!already) {
      await setOptOut(tx, { tenantId: row.tenantId, personId: row.personId, kind: row.kind, at }, true);
      await writeAudit(tx, { tenantId: row.tenantId, actorId: row.personId, origin: 'mail:unsubscribe', at }, { action: 'mail.preference', objectType: 'person', objectId: row.personId, subjectId: row.personId, detail: { kind: row.kind, on: false } });
    }
    return { kind: row.kind, on: false };
  });
}
