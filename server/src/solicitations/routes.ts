import { Hono } from 'hono';
import * as v from 'valibot';
import { IdSchema, SolicitationCheckResultSchema, SolicitationCheckSchema, SolicitationCreateSchema, SolicitationListQuerySchema, SolicitationPageSchema, SolicitationRecordedSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { callOf } from '../call.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { describeRoute } from '../http/describe.ts';
import { idempotent } from '../http/idempotency.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { recordSolicitation } from './record.ts';
import { checkSolicitations } from './check.ts';
import { listSolicitationsOf } from './read.ts';

/**
 * The solicitation ledger: the institution's services (staff of the sending
 * entity, or a service account with a staff membership there) record each
 * message they send and ask before sending; staff read who contacted a
 * person of their entities.
 */
export const solicitationRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** Records a message sent to a person. `Idempotency-Key` required: a retry records it once and answers the first reply. */
  .post('/', describeRoute({ operationId: 'recordSolicitation', summary: 'Record a message sent to a person (staff of the sending entity, administrators)', tags: ['consents'], answers: { 201: SolicitationRecordedSchema }, idempotencyKey: true, problems: [404] }), idempotent(), jsonBody(SolicitationCreateSchema), async (c) =>
    c.json(await recordSolicitation(c.get('deps'), callOf(c, { idempotent: true }), c.req.valid('json')), 201),
  )
  /** Who of these people may be contacted now for a purpose on a channel, with a reason for each refusal. */
  .post('/check', describeRoute({ operationId: 'checkSolicitations', summary: 'Who may be contacted now for a purpose on a channel (staff, administrators)', tags: ['consents'], answers: { 200: SolicitationCheckResultSchema }, problems: [404] }), jsonBody(SolicitationCheckSchema), async (c) =>
    c.json(await checkSolicitations(c.get('deps'), callOf(c), c.req.valid('json')), 200),
  )
  /** Who contacted a person, for what and when, in a month (this one by default), and their allowance then. */
  .get('/people/:personId', describeRoute({ operationId: 'listSolicitationsOfPerson', summary: 'Who contacted a person, for what and when (staff of their entities, administrators)', tags: ['consents'], answers: { 200: SolicitationPageSchema } }), pathParams(v.object({ personId: IdSchema })), queryParams(SolicitationListQuerySchema), async (c) =>
    c.json(await listSolicitationsOf(c.get('deps'), callOf(c), c.req.valid('param').personId, c.req.valid('query')), 200),
  );

/** `GET /v1/me/solicitations`: what the institution sent the signed-in person, in a month (this one by default). */
export const mySolicitationRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  .get('/', describeRoute({ operationId: 'listMySolicitations', summary: 'What the institution’s services sent one this month, and how many more one accepts', tags: ['me'], answers: { 200: SolicitationPageSchema } }), queryParams(SolicitationListQuerySchema), async (c) =>
    c.json(await listSolicitationsOf(c.get('deps'), callOf(c), c.get('auth').actor.personId, c.req.valid('query')), 200),
  );
