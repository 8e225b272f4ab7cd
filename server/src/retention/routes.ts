import { Hono } from 'hono';
import * as v from 'valibot';
import { IdSchema, RetentionAnonymisedSchema, RetentionListQuerySchema, RetentionPageSchema, RetentionRuleInputSchema, RetentionRuleSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { callOf } from '../call.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { describeRoute } from '../http/describe.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { checkedOrigin } from '../consents/origin.ts';
import { listInactivePeople, readRetentionRule, setRetentionRule } from './review.ts';
import { anonymiseInactivePerson } from './anonymise.ts';

/**
 * Retention: the people of the caller's entities inactive for the
 * institution's number of years, with the rule that lists them; their
 * anonymisation (the erasure of `rights/`); the rule itself.
 */
export const retentionRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** One page of the inactive people of the caller's entities (administrators: everyone), and the rule that lists them. */
  .get('/inactive', describeRoute({ operationId: 'listInactivePeople', summary: 'People inactive for the retention period, for review and anonymisation (staff of their entities, administrators)', tags: ['retention'], answers: { 200: RetentionPageSchema } }), queryParams(RetentionListQuerySchema), async (c) =>
    c.json(await listInactivePeople(c.get('deps'), callOf(c), c.req.valid('query')), 200),
  )
  /** Anonymises a listed person: an erasure recorded on their behalf and processed at once. 409 if they are not listed (any more). */
  .post('/people/:personId/anonymise', describeRoute({ operationId: 'anonymiseInactivePerson', summary: 'Anonymise a person the retention rule lists (staff of their entities, administrators)', tags: ['retention'], answers: { 200: RetentionAnonymisedSchema }, problems: [409] }), pathParams(v.object({ personId: IdSchema })), async (c) =>
    c.json(await anonymiseInactivePerson(c.get('deps'), callOf(c), { personId: c.req.valid('param').personId, origin: checkedOrigin(c) }), 200),
  )
  /** The rule in force: its number of years, where it comes from, the day before which activity no longer counts. */
  .get('/rule', describeRoute({ operationId: 'getRetentionRule', summary: 'The retention rule in force (staff, administrators)', tags: ['retention'], answers: { 200: RetentionRuleSchema } }), async (c) =>
    c.json(await readRetentionRule(c.get('deps'), callOf(c)), 200),
  )
  /** Sets the number of years (`null`: the default, 3). Administrators; audited. */
  .put('/rule', describeRoute({ operationId: 'setRetentionRule', summary: 'Set the retention rule’s number of years (administrators)', tags: ['retention'], answers: { 200: RetentionRuleSchema } }), jsonBody(RetentionRuleInputSchema), async (c) =>
    c.json(await setRetentionRule(c.get('deps'), callOf(c), c.req.valid('json')), 200),
  );
