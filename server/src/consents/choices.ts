/**
 * The person's own choices in their consent centre: one purpose channel by
 * channel, everything withdrawn at once, and their solicitation cap. Each is
 * recorded as append-only events with who, when and from where, and audited.
 */
import { can, type ConsentChannel, type ConsentChoice, type ConsentOverview, type ConsentRenewal, type PurposeState, type SolicitationCapView } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import type { AuditOrigin } from '../audit/audit.ts';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, notFound, validationProblem } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { recordEvent } from '../webhooks/record.ts';
import { withTransaction } from '../db/transaction.ts';
import { findPurpose, type PurposeRow } from '../purposes/purposes.ts';
import { insertCapEvent } from './queries/caps.ts';
import { personResource } from './people.ts';
import { applyChoice, consentOverview, lastChoices, nextCapSeq, purposeState, solicitationCap, withdrawAll, type EventContext } from './state.ts';

/**
 * Where a choice was made, as the route read it from the request: the
 * Origin the server checked, kept apart from the page and component the
 * client claims (its body, else its Referer).
 */
export interface ChoiceOrigin {
  readonly checked: string | null;
  readonly page: string | null;
  readonly component: string | null;
}

type ChoiceDeps = Pick<Deps, 'db' | 'clock'>;

/** Who, when and from where: what every event of the caller's own choice records. */
export function eventContext({ actor }: Call, at: Date, where: ChoiceOrigin): EventContext {
  return {
    tenantId: actor.tenantId,
    personId: actor.personId,
    actorId: actor.personId,
    at: at.toISOString(),
    origin: where.checked,
    originPage: where.page,
    originComponent: where.component,
  };
}

/** The caller may change their own consents (the policy's `consent.edit` on themselves). */
async function authorizeOwnChoice(deps: ChoiceDeps, { actor }: Call): Promise<void> {
  authorize(actor, 'consent.edit', await personResource(deps.db, actor.tenantId, actor.personId));
}

export interface ConsentChoiceInput {
  purposeKey: string;
  channels: ConsentChoice['channels'];
  /** The text version the person read (its hash); refused (409) when it is no longer the current one. */
  version: string;
  where: ChoiceOrigin;
}

/**
 * Records the person's own choice on one purpose in `tx`: the events, an
 * audit entry and a `consent.changed` webhook when a channel changed. What a
 * choice in the consent centre and a renewal by a reminder's link share.
 */
export async function recordOwnChoice(tx: DbOrTx, who: AuditOrigin, purpose: PurposeRow, channels: ConsentChoice['channels'], ctx: EventContext, now: Date, via?: 'link'): Promise<ConsentChannel[]> {
  const changed = await applyChoice(tx, purpose, channels, ctx, now);
  if (changed.length > 0) {
    await writeAudit(tx, who, {
      action: 'consent.choose',
      objectType: 'purpose',
      objectId: purpose.id,
      entityIds: [purpose.entity.id],
      subjectId: ctx.personId,
      detail: { purpose: purpose.key, version: purpose.version.hash, channels: Object.fromEntries(changed.map((ch) => [ch, channels[ch]])), ...(via ? { via } : {}) },
    });
    await recordEvent(tx, who, { type: 'consent.changed', personId: ctx.personId, changes: [{ purposeKey: purpose.key, channels: changed }] });
  }
  return changed;
}

/** Grants or withdraws one purpose per channel; a channel whose state is unchanged records nothing. */
export async function chooseConsent(deps: ChoiceDeps, call: Call, input: ConsentChoiceInput): Promise<{ changed: ConsentChannel[]; purpose: PurposeState }> {
  const { db, clock } = deps;
  const { actor, who } = call;
  await authorizeOwnChoice(deps, call);
  const purpose = await findPurpose(db, actor.tenantId, { key: input.purposeKey });
  if (!purpose) throw notFound('purpose.notFound');
  const offered = new Set<string>(purpose.version.channels);
  const unknown = Object.keys(input.channels).filter((ch) => !offered.has(ch));
  if (unknown.length > 0) {
    throw validationProblem(unknown.map((ch) => ({ path: `channels.${ch}`, code: 'consent.channelUnused', params: { channel: ch, channels: [...purpose.version.channels] } })));
  }
  if (input.version !== purpose.version.hash) {
    throw new ProblemError('conflict', 'consent.textChanged', {}, { members: { currentVersion: purpose.version.hash } });
  }
  const now = clock.now();
  const ctx = eventContext(call, now, input.where);
  const changed = await withTransaction({ db }, (tx) => recordOwnChoice(tx, who, purpose, input.channels, ctx, now));
  return { changed, purpose: purposeState(purpose, await lastChoices(db, actor.tenantId, actor.personId), now) };
}

/** What a reminder's link renewed: the purpose, its channels in force, and until when. */
export interface RenewedConsent {
  purposeKey: string;
  channels: ConsentChannel[];
  expiresAt: string;
}

/**
 * The one-click renewal of a consent reminder's link (mail/links.ts), in the
 * transaction that uses the link, for the person it signed in: the consents
 * of `renewal.channels` still in force for the text version the reminder
 * named are given again to that text, recorded with the same proof as a
 * choice in the consent centre (the request's checked Origin, the page and
 * component the client names, the text's version), audited `via: 'link'`.
 * Nothing is renewed (null) when that text is no longer the current one (it
 * must be read first), or when the consent was withdrawn or lapsed since:
 * a link never gives a consent back.
 */
export async function renewConsentFromLink(tx: DbOrTx, call: Call, renewal: ConsentRenewal, where: ChoiceOrigin, now: Date): Promise<RenewedConsent | null> {
  const { actor, who } = call;
  if (!can(actor, 'consent.edit', await personResource(tx, actor.tenantId, actor.personId))) return null;
  const purpose = await findPurpose(tx, actor.tenantId, { key: renewal.purposeKey });
  if (!purpose || purpose.version.hash !== renewal.version) return null;
  const before = purposeState(purpose, await lastChoices(tx, actor.tenantId, actor.personId), now);
  const channels = before.channels.filter((c) => renewal.channels.includes(c.channel) && c.granted && !c.renewalNeeded).map((c) => c.channel);
  if (channels.length === 0) return null;
  await recordOwnChoice(tx, who, purpose, Object.fromEntries(channels.map((ch) => [ch, true])), eventContext(call, now, where), now, 'link');
  const after = purposeState(purpose, await lastChoices(tx, actor.tenantId, actor.personId), now);
  const ends = after.channels.filter((c) => channels.includes(c.channel) && c.expiresAt !== null).map((c) => c.expiresAt!).sort();
  return { purposeKey: purpose.key, channels, expiresAt: ends[0]! };
}

/** Withdraws every optional purpose and objects to every legitimate-interest one, on every channel, in one transaction. */
export async function withdrawAllConsents(deps: ChoiceDeps, call: Call, input: { where: ChoiceOrigin }): Promise<ConsentOverview & { changed: { purposeKey: string; channels: ConsentChannel[] }[] }> {
  const { db, clock } = deps;
  const { actor, who } = call;
  await authorizeOwnChoice(deps, call);
  const now = clock.now();
  const ctx = eventContext(call, now, input.where);
  const changes = await withTransaction({ db }, async (tx) => {
    const changed = await withdrawAll(tx, ctx, now);
    if (changed.length > 0) {
      await writeAudit(tx, who, { action: 'consent.withdrawAll', objectType: 'person', objectId: actor.personId, subjectId: actor.personId, detail: { changes: changed } });
      await recordEvent(tx, who, { type: 'consent.changed', personId: actor.personId, changes: changed });
    }
    return changed;
  });
  return { changed: changes, ...(await consentOverview(db, actor.tenantId, actor.personId, now)) };
}

/** Sets the person's cap on messages per month, all services together (an event too); the same cap again records nothing. */
export async function setSolicitationCap(deps: ChoiceDeps, call: Call, input: { perMonth: number; where: ChoiceOrigin }): Promise<SolicitationCapView> {
  const { db, clock } = deps;
  const { actor, who } = call;
  await authorizeOwnChoice(deps, call);
  const ctx = eventContext(call, clock.now(), input.where);
  await withTransaction({ db }, async (tx) => {
    const current = await solicitationCap(tx, actor.tenantId, actor.personId);
    if (current.source === 'choice' && current.perMonth === input.perMonth) return;
    await insertCapEvent(tx, { tenantId: actor.tenantId, personId: actor.personId, seq: await nextCapSeq(tx, actor.tenantId, actor.personId), perMonth: input.perMonth, at: ctx.at, origin: ctx.origin, originPage: ctx.originPage, originComponent: ctx.originComponent, actorId: actor.personId });
    await writeAudit(tx, who, { action: 'consent.solicitationCap', objectType: 'person', objectId: actor.personId, subjectId: actor.personId, detail: { perMonth: input.perMonth } });
  });
  return solicitationCap(db, actor.tenantId, actor.personId);
}
