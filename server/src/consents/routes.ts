import { Hono } from 'hono';
import type { Context } from 'hono';
import * as v from 'valibot';
import {
  ConsentChoiceResultSchema,
  ConsentHistorySchema,
  ConsentOverviewSchema,
  SolicitationCapViewSchema,
  WithdrawAllResultSchema,
  ConsentChoiceSchema,
  ConsentExportQuerySchema,
  IdSchema,
  ListQuerySchema,
  PurposeKeySchema,
  SolicitationCapSchema,
  WithdrawAllSchema,
} from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { authorize } from '../auth/authorize.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { ProblemError, notFound, validationProblem } from '../http/problem.ts';
import { auditOrigin, writeAudit } from '../audit/audit.ts';
import { listReachablePeople } from './queries/people.ts';
import { insertCapEvent } from './queries/caps.ts';
import { findPurpose } from '../purposes/purposes.ts';
import {
  applyChoice,
  consentOverview,
  lastChoices,
  lastChoicesForPurpose,
  nextCapSeq,
  purposeState,
  solicitationCap,
  solicitationCaps,
  tenantDefaultCap,
  withdrawAll,
  type EventContext,
} from './state.ts';
import { consentHistory } from './history.ts';
import { checkedOrigin } from './origin.ts';
import { personResource } from './people.ts';
import { recordEvent } from '../webhooks/record.ts';
import { toCsv } from '../csv/write.ts';
import { csvFile, describeRoute } from '../http/describe.ts';
import { withTransaction } from '../db/transaction.ts';

type Claimed = { page?: string | undefined; component?: string | undefined } | undefined;

/**
 * Who, when and from where: what every consent event records. From where is
 * two things kept apart: the Origin the server checked, and the page and
 * component the client claims (its body, else its Referer), never mistaken
 * for the first.
 */
function eventContext(c: Context<AppEnv>, claimed: Claimed): EventContext {
  const { actor } = c.var.auth;
  return {
    tenantId: actor.tenantId,
    personId: actor.personId,
    actorId: actor.personId,
    at: c.var.deps.clock.now().toISOString(),
    origin: checkedOrigin(c),
    originPage: claimed?.page ?? c.req.header('referer') ?? null,
    originComponent: claimed?.component ?? null,
  };
}

const cursorOf = (cursor: string | undefined): number => {
  if (cursor === undefined) return 0;
  if (!/^\d{1,12}$/.test(cursor)) throw validationProblem([{ path: 'cursor', code: 'list.cursor', params: {} }]);
  return Number(cursor);
};

/**
 * The person's consent centre: every purpose with its current text and their
 * state per channel, their choices (append-only events) and solicitation cap;
 * staff read (never change) the state of their entities' members; admins
 * export one purpose's state for the CRM.
 */
export const consentRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** Every purpose with its current text and the signed-in person's state per channel. */
  .get('/', describeRoute({ operationId: 'getMyConsents', summary: 'Every purpose with one’s consent per channel, and one’s solicitation cap', tags: ['consents'], answers: { 200: ConsentOverviewSchema } }), async (c) => {
    const { actor } = c.var.auth;
    authorize(actor, 'consent.read', await personResource(c.var.deps.db, actor.tenantId, actor.personId));
    return c.json(await consentOverview(c.var.deps.db, actor.tenantId, actor.personId, c.var.deps.clock.now()), 200);
  })
  /** The person's choices, oldest first, each with the exact text they saw. */
  .get('/history', describeRoute({ operationId: 'listMyConsentHistory', summary: 'One’s consent choices, oldest first, each with the text agreed to', tags: ['consents'], answers: { 200: ConsentHistorySchema } }), queryParams(ListQuerySchema), async (c) => {
    const { actor } = c.var.auth;
    const { limit, cursor } = c.req.valid('query');
    const page = await consentHistory(c.var.deps.db, actor.tenantId, actor.personId, { limit, afterSeq: cursorOf(cursor) });
    return c.json({ items: page.items, nextCursor: page.lastSeq === null ? null : String(page.lastSeq) }, 200);
  })
  /** One action: withdraw every optional purpose and object to every legitimate-interest one, on every channel. */
  .post('/withdraw-all', describeRoute({ operationId: 'withdrawAllConsents', summary: 'Withdraw every optional purpose and object to every other, on every channel', tags: ['consents'], answers: { 200: WithdrawAllResultSchema } }), jsonBody(WithdrawAllSchema), async (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'consent.edit', await personResource(db, actor.tenantId, actor.personId));
    const ctx = eventContext(c, c.req.valid('json').origin);
    const who = auditOrigin(c);
    const now = clock.now();
    const changes = await withTransaction({ db }, async (tx) => {
      const changed = await withdrawAll(tx, ctx, now);
      if ((await changed).length > 0) {
        await writeAudit(tx, who, { action: 'consent.withdrawAll', objectType: 'person', objectId: actor.personId, subjectId: actor.personId, detail: { changes: changed } });
        await recordEvent(tx, who, { type: 'consent.changed', personId: actor.personId, changes: changed });
      }
      return changed;
    });
    return c.json({ changed: changes, ...(await consentOverview(db, actor.tenantId, actor.personId, now)) }, 200);
  })
  /** The person's cap on messages per month, all services together (stored as events too). */
  .put('/solicitation-cap', describeRoute({ operationId: 'setSolicitationCap', summary: 'Set how many messages a month one may receive', tags: ['consents'], answers: { 200: SolicitationCapViewSchema } }), jsonBody(SolicitationCapSchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'consent.edit', await personResource(db, actor.tenantId, actor.personId));
    const input = c.req.valid('json');
    const ctx = eventContext(c, input.origin);
    const who = auditOrigin(c);
    await withTransaction({ db }, async (tx) => {
      const current = await solicitationCap(tx, actor.tenantId, actor.personId);
      if (current.source === 'choice' && current.perMonth === input.perMonth) return;
      await insertCapEvent(tx, { tenantId: actor.tenantId, personId: actor.personId, seq: await nextCapSeq(tx, actor.tenantId, actor.personId), perMonth: input.perMonth, at: ctx.at, origin: ctx.origin, originPage: ctx.originPage, originComponent: ctx.originComponent, actorId: actor.personId });
      await writeAudit(tx, who, { action: 'consent.solicitationCap', objectType: 'person', objectId: actor.personId, subjectId: actor.personId, detail: { perMonth: input.perMonth } });
    });
    return c.json(await solicitationCap(db, actor.tenantId, actor.personId), 200);
  })
  /**
   * CSV of every person's state for one purpose, for the CRM or mailing tool
   * (administrators), with where each last choice was made: `origin` (checked
   * by the server) and `claimedPage` (named by the client), last so that
   * tools reading the earlier columns by position still work.
   */
  .get('/export', describeRoute({ operationId: 'exportConsents', summary: 'Every person’s state for one purpose, as CSV for the CRM (administrators)', tags: ['consents'], answers: { 200: csvFile }, writes: true, problems: [404] }), queryParams(ConsentExportQuerySchema), async (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'consent.export', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
    const purpose = await findPurpose(db, actor.tenantId, { key: c.req.valid('query').purpose });
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
      const last = await choices.get(person.id);
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
    const columns = ['personId', 'email', 'displayName', 'purpose', 'channel', 'granted', 'source', 'since', 'versionHash', 'renewalNeeded', 'expiresAt', 'solicitationCapPerMonth', 'origin', 'claimedPage'];
    await withTransaction({ db }, async (tx) => writeAudit(tx, auditOrigin(c), { action: 'consent.export', objectType: 'purpose', objectId: purpose.id, entityIds: [purpose.entity.id], detail: { purpose: purpose.key, rows: rows.length } }));
    return c.body(toCsv(rows, columns), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="consents-${purpose.key}-${now.toISOString().slice(0, 10)}.csv"`,
    });
  })
  /** Another person's current state, read only: staff of their entities and administrators. */
  .get('/people/:personId', describeRoute({ operationId: 'getPersonConsents', summary: 'Another person’s consents, read only (their staff, administrators)', tags: ['consents'], answers: { 200: ConsentOverviewSchema } }), pathParams(v.object({ personId: IdSchema })), async (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    const { personId } = c.req.valid('param');
    authorize(actor, 'consent.read', await personResource(db, actor.tenantId, personId));
    return c.json(await consentOverview(db, actor.tenantId, personId, clock.now()), 200);
  })
  /** Grants or withdraws one purpose per channel; a channel whose state is unchanged records nothing. */
  .put('/:purpose', describeRoute({ operationId: 'chooseConsent', summary: 'Grant or withdraw one purpose, channel by channel', tags: ['consents'], answers: { 200: ConsentChoiceResultSchema }, problems: [409] }), pathParams(v.object({ purpose: PurposeKeySchema })), jsonBody(ConsentChoiceSchema), async (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'consent.edit', await personResource(db, actor.tenantId, actor.personId));
    const input = c.req.valid('json');
    const purpose = await findPurpose(db, actor.tenantId, { key: c.req.valid('param').purpose });
    if (!purpose) throw notFound('purpose.notFound');
    const offered = new Set<string>(purpose.version.channels);
    const unknown = Object.keys(input.channels).filter((ch) => !offered.has(ch));
    if (unknown.length > 0) {
      throw validationProblem(unknown.map((ch) => ({ path: `channels.${ch}`, code: 'consent.channelUnused', params: { channel: ch, channels: [...purpose.version.channels] } })));
    }
    if (input.version !== undefined && input.version !== purpose.version.hash) {
      throw new ProblemError('conflict', 'consent.textChanged', {}, { members: { currentVersion: purpose.version.hash } });
    }
    const ctx = eventContext(c, input.origin);
    const who = auditOrigin(c);
    const now = clock.now();
    const changed = await withTransaction({ db }, async (tx) => {
      const channels = await applyChoice(tx, purpose, input.channels, ctx, now);
      if (channels.length > 0) {
        await writeAudit(tx, who, {
          action: 'consent.choose',
          objectType: 'purpose',
          objectId: purpose.id,
          entityIds: [purpose.entity.id],
          subjectId: actor.personId,
          detail: { purpose: purpose.key, version: purpose.version.hash, channels: Object.fromEntries(channels.map((ch) => [ch, input.channels[ch]])) },
        });
        await recordEvent(tx, who, { type: 'consent.changed', personId: actor.personId, changes: [{ purposeKey: purpose.key, channels }] });
      }
      return channels;
    });
    const state = purposeState(purpose, await lastChoices(db, actor.tenantId, actor.personId), now);
    return c.json({ changed, purpose: state }, 200);
  });

