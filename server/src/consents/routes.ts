import { Hono } from 'hono';
import * as v from 'valibot';
import {
  ConsentChoiceResultSchema,
  ConsentHistorySchema,
  ConsentProofQuerySchema,
  ConsentProofSchema,
  ConsentRecordSchema,
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
import { callOf } from '../call.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { validationProblem } from '../http/problem.ts';
import { consentOverview } from './state.ts';
import { consentHistory } from './history.ts';
import { choiceOrigin } from './origin.ts';
import { personResource } from './people.ts';
import { chooseConsent, setSolicitationCap, withdrawAllConsents } from './choices.ts';
import { exportConsents } from './export.ts';
import { csvFile, describeRoute, pdfFile } from '../http/describe.ts';
import { requestLanguage } from '../http/language.ts';
import { consentProof, readConsentRecord } from './proof.ts';
import { consentProofPdf } from './proof-pdf.ts';

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
    const { actor } = c.get('auth');
    authorize(actor, 'consent.read', await personResource(c.get('deps').db, actor.tenantId, actor.personId));
    return c.json(await consentOverview(c.get('deps').db, actor.tenantId, actor.personId, c.get('deps').clock.now()), 200);
  })
  /** The person's choices, oldest first, each with the exact text they saw. */
  .get('/history', describeRoute({ operationId: 'listMyConsentHistory', summary: 'One’s consent choices, oldest first, each with the text agreed to', tags: ['consents'], answers: { 200: ConsentHistorySchema } }), queryParams(ListQuerySchema), async (c) => {
    const { actor } = c.get('auth');
    const { limit, cursor } = c.req.valid('query');
    const page = await consentHistory(c.get('deps').db, actor.tenantId, actor.personId, { limit, afterSeq: cursorOf(cursor) });
    return c.json({ items: page.items, nextCursor: page.lastSeq === null ? null : String(page.lastSeq) }, 200);
  })
  /** One action: withdraw every optional purpose and object to every legitimate-interest one, on every channel. */
  .post('/withdraw-all', describeRoute({ operationId: 'withdrawAllConsents', summary: 'Withdraw every optional purpose and object to every other, on every channel', tags: ['consents'], answers: { 200: WithdrawAllResultSchema } }), jsonBody(WithdrawAllSchema), async (c) =>
    c.json(await withdrawAllConsents(c.get('deps'), callOf(c), { where: choiceOrigin(c, c.req.valid('json').origin) }), 200),
  )
  /** The person's cap on messages per month, all services together (stored as events too). */
  .put('/solicitation-cap', describeRoute({ operationId: 'setSolicitationCap', summary: 'Set how many messages a month one may receive', tags: ['consents'], answers: { 200: SolicitationCapViewSchema } }), jsonBody(SolicitationCapSchema), async (c) => {
    const input = c.req.valid('json');
    return c.json(await setSolicitationCap(c.get('deps'), callOf(c), { perMonth: input.perMonth, where: choiceOrigin(c, input.origin) }), 200);
  })
  /**
   * CSV of every person's state for one purpose, for the CRM or mailing tool
   * (administrators), with where each last choice was made: `origin` (checked
   * by the server) and `claimedPage` (named by the client), last so that
   * tools reading the earlier columns by position still work.
   */
  .get('/export', describeRoute({ operationId: 'exportConsents', summary: 'Every person’s state for one purpose, as CSV for the CRM (administrators)', tags: ['consents'], answers: { 200: csvFile }, writes: true, problems: [404] }), queryParams(ConsentExportQuerySchema), async (c) => {
    const file = await exportConsents(c.get('deps'), callOf(c), { purposeKey: c.req.valid('query').purpose });
    return c.body(file.csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="consents-${file.purposeKey}-${file.day}.csv"`,
    });
  })
  /** Another person's current state, read only: staff of their entities and administrators. */
  .get('/people/:personId', describeRoute({ operationId: 'getPersonConsents', summary: 'Another person’s consents, read only (their staff, administrators)', tags: ['consents'], answers: { 200: ConsentOverviewSchema } }), pathParams(v.object({ personId: IdSchema })), async (c) => {
    const { db, clock } = c.get('deps');
    const { actor } = c.get('auth');
    const { personId } = c.req.valid('param');
    authorize(actor, 'consent.read', await personResource(db, actor.tenantId, personId));
    return c.json(await consentOverview(db, actor.tenantId, personId, clock.now()), 200);
  })
  /**
   * A person's complete consent record, oldest first: every event with the exact text (and its hash), time, checked
   * origin, claimed page and component, and who recorded it. Administrators and the data protection officer.
   */
  .get(
    '/people/:personId/events',
    describeRoute({ operationId: 'listPersonConsentRecord', summary: 'A person’s complete consent record, each event with its exact text (administrators, data protection officer)', tags: ['consents'], answers: { 200: ConsentRecordSchema } }),
    pathParams(v.object({ personId: IdSchema })),
    queryParams(ListQuerySchema),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await readConsentRecord(c.get('deps'), callOf(c), { personId: c.req.valid('param').personId, limit, afterSeq: cursorOf(cursor) }), 200);
    },
  )
  /** The proof of one consent, as JSON or (`?format=pdf`) a PDF in the reader's language; audited. */
  .get(
    '/people/:personId/events/:eventId/proof',
    describeRoute({ operationId: 'getConsentProof', summary: 'The proof of one consent, as JSON or PDF (administrators, data protection officer)', tags: ['consents'], answers: { 200: [ConsentProofSchema, pdfFile] }, writes: true }),
    pathParams(v.object({ personId: IdSchema, eventId: IdSchema })),
    queryParams(ConsentProofQuerySchema),
    async (c) => {
      const { personId, eventId } = c.req.valid('param');
      const proof = await consentProof(c.get('deps'), callOf(c), { personId, eventId });
      if (c.req.valid('query').format === 'json') {
        c.header('content-disposition', `attachment; filename="consent-proof-${eventId}.json"`);
        return c.json(proof, 200);
      }
      const pdf = await consentProofPdf(proof, await requestLanguage(c));
      return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="consent-proof-${eventId}.pdf"` });
    },
  )
  /** Grants or withdraws one purpose per channel; a channel whose state is unchanged records nothing. */
  .put('/:purpose', describeRoute({ operationId: 'chooseConsent', summary: 'Grant or withdraw one purpose, channel by channel', tags: ['consents'], answers: { 200: ConsentChoiceResultSchema }, problems: [409] }), pathParams(v.object({ purpose: PurposeKeySchema })), jsonBody(ConsentChoiceSchema), async (c) => {
    const { channels, version, origin } = c.req.valid('json');
    return c.json(await chooseConsent(c.get('deps'), callOf(c), { purposeKey: c.req.valid('param').purpose, channels, version, where: choiceOrigin(c, origin) }), 200);
  });
