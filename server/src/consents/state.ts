import type { ChannelState, ConsentChannel, ConsentOverview, PurposeState, SolicitationCapView } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { consentEventsOfPeople, consentEventsOfPerson, consentEventsOfPurpose, insertConsentEvent, maxConsentSeq } from './queries/events.ts';
import { capEventsOfTenant, lastCapEvent, maxCapSeq } from './queries/caps.ts';
import { findInstitutionSettings } from './queries/settings.ts';
import { listPurposes, type PurposeRow } from '../purposes/purposes.ts';

/** Consent that ends within this many days is flagged `expiresSoon`, so the person can renew it. */
export const EXPIRES_SOON_DAYS = 30;
/** The institution's default cap when its settings do not name one. */
export const DEFAULT_SOLICITATION_CAP = 4;

interface LastChoice {
  granted: boolean;
  at: string;
  versionId: string;
  versionHash: string;
}

/** A last choice with where it was made: the Origin the server checked, the page the client claimed. */
export interface ProvenChoice extends LastChoice {
  origin: string | null;
  claimedPage: string | null;
}

function addMonths(iso: string, months: number): Date {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/**
 * The last event per channel of one purpose, for every person of the tenant
 * at once (the CRM export), with where it was made: one ordered scan instead
 * of a query per person.
 */
export async function lastChoicesForPurpose(db: DbOrTx, tenantId: string, purposeId: string): Promise<Map<string, Map<string, ProvenChoice>>> {
  const byPerson = new Map<string, Map<string, ProvenChoice>>();
  for (const r of await consentEventsOfPurpose(db, tenantId, purposeId)) {
    let last = byPerson.get(r.personId);
    if (!last) byPerson.set(r.personId, (last = new Map()));
    last.set(`${purposeId}:${r.channel}`, { granted: r.granted, at: r.at, versionId: r.versionId, versionHash: r.versionHash, origin: r.origin, claimedPage: r.originPage });
  }
  return byPerson;
}

/**
 * The last event per (purpose, channel) of each of these people (a batch of
 * the people export): one query for the batch, not one per person or purpose.
 */
export async function lastChoicesOfPeople(db: DbOrTx, tenantId: string, personIds: readonly string[]): Promise<Map<string, Map<string, LastChoice>>> {
  return lastChoicesByPerson(await consentEventsOfPeople(db, tenantId, personIds));
}

/** Events in order → each person's last choice per `purposeId:channel`. */
function lastChoicesByPerson(rows: readonly (LastChoice & { personId: string; purposeId: string; channel: string })[]): Map<string, Map<string, LastChoice>> {
  const byPerson = new Map<string, Map<string, LastChoice>>();
  for (const r of rows) {
    let last = byPerson.get(r.personId);
    if (!last) byPerson.set(r.personId, (last = new Map()));
    last.set(`${r.purposeId}:${r.channel}`, { granted: r.granted, at: r.at, versionId: r.versionId, versionHash: r.versionHash });
  }
  return byPerson;
}

/** Every person's chosen cap, or only these people's (people who never chose are absent: the tenant default applies). */
export async function solicitationCaps(db: DbOrTx, tenantId: string, personIds?: readonly string[]): Promise<Map<string, number>> {
  const rows = await capEventsOfTenant(db, tenantId, personIds);
  return new Map(rows.map((r) => [r.personId, r.perMonth]));
}

/** The last event per (purpose, channel) of one person. */
export async function lastChoices(db: DbOrTx, tenantId: string, personId: string): Promise<Map<string, LastChoice>> {
  const rows = await consentEventsOfPerson(db, tenantId, personId);
  const last = new Map<string, LastChoice>();
  for (const r of rows) last.set(`${r.purposeId}:${r.channel}`, { granted: r.granted, at: r.at, versionId: r.versionId, versionHash: r.versionHash });
  return last;
}

/**
 * One channel's state. Under consent, "no" until the person says yes, and a
 * yes counts for `retentionMonths`; under legitimate interest, "yes" until
 * the person objects.
 */
export function channelState(purpose: PurposeRow, channel: ConsentChannel, last: LastChoice | undefined, now: Date): ChannelState {
  const underConsent = purpose.version.legalBasis === 'consent';
  if (!last) {
    return { channel, granted: !underConsent, source: 'default', since: null, versionHash: null, renewalNeeded: false, expiresAt: null, expiresSoon: false };
  }
  let granted = last.granted;
  let expiresAt: string | null = null;
  let expiresSoon = false;
  if (granted && underConsent) {
    const end = addMonths(last.at, purpose.retentionMonths);
    expiresAt = end.toISOString();
    if (end.getTime() <= now.getTime()) granted = false;
    else expiresSoon = end.getTime() - now.getTime() <= EXPIRES_SOON_DAYS * 86_400_000;
  }
  const renewalNeeded = granted && underConsent && last.versionId !== purpose.version.id;
  return { channel, granted, source: 'choice', since: last.at, versionHash: last.versionHash, renewalNeeded, expiresAt, expiresSoon };
}

export function purposeState(purpose: PurposeRow, choices: Map<string, LastChoice>, now: Date): PurposeState {
  const channels = purpose.version.channels.map((ch) => channelState(purpose, ch, choices.get(`${purpose.id}:${ch}`), now));
  const { revision: _revision, ...view } = purpose;
  return { ...view, channels, renewalNeeded: channels.some((c) => c.renewalNeeded), expiresSoon: channels.some((c) => c.expiresSoon) };
}

export async function tenantDefaultCap(db: DbOrTx, tenantId: string): Promise<number> {
  const row = await findInstitutionSettings(db, tenantId);
  const value = row?.settings.solicitationCapDefault;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_SOLICITATION_CAP;
}

export async function solicitationCap(db: DbOrTx, tenantId: string, personId: string): Promise<SolicitationCapView> {
  const tenantDefault = await tenantDefaultCap(db, tenantId);
  const last = await lastCapEvent(db, tenantId, personId);
  if (!last) return { perMonth: tenantDefault, source: 'default', since: null, tenantDefault };
  return { perMonth: last.perMonth, source: 'choice', since: last.at, tenantDefault };
}

/** Every purpose with the person's state per channel, and their solicitation cap. */
export async function consentOverview(db: DbOrTx, tenantId: string, personId: string, now: Date): Promise<ConsentOverview> {
  const choices = await lastChoices(db, tenantId, personId);
  return {
    personId,
    purposes: (await listPurposes(db, tenantId)).map((p) => purposeState(p, choices, now)),
    solicitationCap: await solicitationCap(db, tenantId, personId),
  };
}

/** The next position in a person's event log (the transaction makes it race-free on SQLite). */
export async function nextConsentSeq(tx: DbOrTx, tenantId: string, personId: string): Promise<number> {
  return ((await maxConsentSeq(tx, tenantId, personId)) ?? 0) + 1;
}

export async function nextCapSeq(tx: DbOrTx, tenantId: string, personId: string): Promise<number> {
  return ((await maxCapSeq(tx, tenantId, personId)) ?? 0) + 1;
}

export interface EventContext {
  tenantId: string;
  personId: string;
  actorId: string;
  actorReason?: string | null;
  at: string;
  /** The request's Origin as the server checked it (`checkedOrigin`), or null without one. */
  origin: string | null;
  /** The page and component the client named: claimed, not checked. */
  originPage: string | null;
  originComponent: string | null;
}

/**
 * Appends an event for each channel whose state the choice changes, and none
 * for the others (idempotent). A yes is also new when it renews a consent
 * given for an older text or about to expire. Returns the changed channels.
 */
export async function applyChoice(tx: DbOrTx, purpose: PurposeRow, wanted: Partial<Record<ConsentChannel, boolean>>, ctx: EventContext, now: Date): Promise<ConsentChannel[]> {
  const choices = await lastChoices(tx, ctx.tenantId, ctx.personId);
  const changed: ConsentChannel[] = [];
  let seq = await nextConsentSeq(tx, ctx.tenantId, ctx.personId);
  for (const channel of purpose.version.channels) {
    const want = wanted[channel];
    if (want === undefined) continue;
    const state = channelState(purpose, channel, choices.get(`${purpose.id}:${channel}`), now);
    const unchanged = state.granted === want && !(want && (state.renewalNeeded || state.expiresSoon));
    if (unchanged) continue;
    await insertConsentEvent(tx, {
      tenantId: ctx.tenantId,
      personId: ctx.personId,
      seq: seq++,
      purposeId: purpose.id,
      purposeVersionId: purpose.version.id,
      channel,
      granted: want,
      at: ctx.at,
      origin: ctx.origin,
      originPage: ctx.originPage,
      originComponent: ctx.originComponent,
      actorId: ctx.actorId,
      actorReason: ctx.actorReason ?? null,
    });
    changed.push(channel);
  }
  return changed;
}

/** Withdraws every optional purpose and objects to every legitimate-interest one, on every channel. */
export async function withdrawAll(tx: DbOrTx, ctx: EventContext, now: Date): Promise<{ purposeKey: string; channels: ConsentChannel[] }[]> {
  const changes: { purposeKey: string; channels: ConsentChannel[] }[] = [];
  for (const purpose of await listPurposes(tx, ctx.tenantId)) {
    const wanted = Object.fromEntries(purpose.version.channels.map((ch) => [ch, false]));
    const channels = await applyChoice(tx, purpose, wanted, ctx, now);
    if (channels.length > 0) changes.push({ purposeKey: purpose.key, channels });
  }
  return changes;
}
