import { Hono } from 'hono';
import * as v from 'valibot';
import { ConsentSettingsViewSchema, PurposeListSchema, PurposeVersionListSchema, PurposeViewSchema, ConsentSettingsSchema, IdSchema, PurposeCreateSchema, PurposeUpdateSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { callOf } from '../call.ts';
import { jsonBody, pathParams } from '../http/validate.ts';
import { notFound } from '../http/problem.ts';
import { listPurposeVersions } from './queries/purposes.ts';
import { findPurpose, listPurposes, purposeEtag, purposeView } from './purposes.ts';
import { createPurpose } from './create.ts';
import { editPurpose } from './update.ts';
import { setConsentSettings } from './settings.ts';
import { tenantDefaultCap } from '../consents/state.ts';
import { describeRoute } from '../http/describe.ts';

/**
 * Purposes of processing, managed by administrators. Editing the text, the
 * legal basis or the channels publishes a new version (SHA-256 of its
 * canonical JSON); older versions stay readable, because consent events
 * point at them.
 */
export const purposeRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** Every purpose with its current text (anyone signed in: it is what the consent centre shows). */
  .get('/', describeRoute({ operationId: 'listPurposes', summary: 'Every purpose with its current text', tags: ['purposes'], answers: { 200: PurposeListSchema } }), async (c) => {
    const { actor } = c.get('auth');
    return c.json({ items: (await listPurposes(c.get('deps').db, actor.tenantId)).map(purposeView), nextCursor: null }, 200);
  })
  /** Creates a purpose and its first version (administrators). */
  .post('/', describeRoute({ operationId: 'createPurpose', summary: 'Create a purpose and its first text (administrators)', tags: ['purposes'], answers: { 201: PurposeViewSchema }, location: true, etag: true, problems: [409] }), jsonBody(PurposeCreateSchema), async (c) => {
    const purpose = await createPurpose(c.get('deps'), callOf(c), c.req.valid('json'));
    c.header('location', `/v1/purposes/${purpose.id}`);
    c.header('etag', purposeEtag(purpose));
    return c.json(purposeView(purpose), 201);
  })
  /** The institution's consent defaults: the solicitation cap of people who have not chosen one. */
  .get('/settings', describeRoute({ operationId: 'getConsentSettings', summary: 'The institution’s consent defaults', tags: ['purposes'], answers: { 200: ConsentSettingsViewSchema } }), async (c) => {
    const { actor } = c.get('auth');
    return c.json({ solicitationCapDefault: await tenantDefaultCap(c.get('deps').db, actor.tenantId) }, 200);
  })
  /** Changes the institution's consent defaults (administrators). */
  .put('/settings', describeRoute({ operationId: 'setConsentSettings', summary: 'Change the institution’s consent defaults (administrators)', tags: ['purposes'], answers: { 200: ConsentSettingsViewSchema } }), jsonBody(ConsentSettingsSchema), async (c) =>
    c.json(await setConsentSettings(c.get('deps'), callOf(c), c.req.valid('json')), 200),
  )
  .get('/:id', describeRoute({ operationId: 'getPurpose', summary: 'One purpose with its current text', tags: ['purposes'], answers: { 200: PurposeViewSchema }, etag: true }), pathParams(v.object({ id: IdSchema })), async (c) => {
    const { actor } = c.get('auth');
    const purpose = await findPurpose(c.get('deps').db, actor.tenantId, { id: c.req.valid('param').id });
    if (!purpose) throw notFound('purpose.notFound');
    c.header('etag', purposeEtag(purpose));
    return c.json(purposeView(purpose), 200);
  })
  /** Every text the purpose ever had, oldest first: what people agreed to stays readable. */
  .get('/:id/versions', describeRoute({ operationId: 'listPurposeVersions', summary: 'Every text a purpose ever had, oldest first', tags: ['purposes'], answers: { 200: PurposeVersionListSchema } }), pathParams(v.object({ id: IdSchema })), async (c) => {
    const { actor } = c.get('auth');
    const purpose = await findPurpose(c.get('deps').db, actor.tenantId, { id: c.req.valid('param').id });
    if (!purpose) throw notFound('purpose.notFound');
    return c.json({ items: await listPurposeVersions(c.get('deps').db, actor.tenantId, purpose.id), nextCursor: null }, 200);
  })
  /** Edits a purpose (administrators, `If-Match`). A new text is a new version; people who agreed to the old one are asked again. */
  .patch('/:id', describeRoute({ operationId: 'updatePurpose', summary: 'Edit a purpose; a new text is a new version (administrators)', tags: ['purposes'], answers: { 200: PurposeViewSchema }, ifMatch: true, etag: true }), pathParams(v.object({ id: IdSchema })), jsonBody(PurposeUpdateSchema), async (c) => {
    const updated = await editPurpose(c.get('deps'), callOf(c), { id: c.req.valid('param').id, patch: c.req.valid('json'), ifMatch: c.req.header('if-match') });
    c.header('etag', purposeEtag(updated));
    return c.json(purposeView(updated), 200);
  });
