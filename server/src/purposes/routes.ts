import { Hono } from 'hono';
import * as v from 'valibot';
import { ConsentSettingsViewSchema, PurposeListSchema, PurposeVersionListSchema, PurposeViewSchema, ConsentSettingsSchema, IdSchema, PurposeCreateSchema, PurposeUpdateSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { jsonBody, pathParams } from '../http/validate.ts';
import { ProblemError, notFound, validationProblem } from '../http/problem.ts';
import { auditOrigin, writeAudit } from '../audit/audit.ts';
import { findTenantEntity, listPurposeVersions, updatePurpose } from './queries/purposes.ts';
import { findInstitutionSettings, updateInstitutionSettings } from '../consents/queries/settings.ts';
import type { DbOrTx } from '../db/open.ts';
import { ensureVersion, findPurpose, insertPurpose, listPurposes, type PurposeRow } from './purposes.ts';
import { authorize } from '../auth/authorize.ts';
import { tenantDefaultCap } from '../consents/state.ts';
import { describeRoute } from '../http/describe.ts';
import { withTransaction } from '../db/transaction.ts';

const etag = (p: PurposeRow) => `"${p.id}.${p.revision}"`;
const view = ({ revision: _revision, ...p }: PurposeRow) => p;

async function requireEntity(db: DbOrTx, tenantId: string, entityId: string): Promise<void> {
  const found = await findTenantEntity(db, tenantId, entityId);
  if (!found) throw validationProblem([{ path: 'entityId', code: 'purpose.entity', params: {} }]);
}

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
    const { actor } = c.var.auth;
    return c.json({ items: (await listPurposes(c.var.deps.db, actor.tenantId)).map(view), nextCursor: null }, 200);
  })
  /** Creates a purpose and its first version (administrators). */
  .post('/', describeRoute({ operationId: 'createPurpose', summary: 'Create a purpose and its first text (administrators)', tags: ['purposes'], answers: { 201: PurposeViewSchema }, location: true, etag: true, problems: [409] }), jsonBody(PurposeCreateSchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'purpose.manage', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
    const input = c.req.valid('json');
    await requireEntity(db, actor.tenantId, input.entityId);
    const who = auditOrigin(c);
    const purpose = await withTransaction({ db }, async (tx) => {
      if ((await findPurpose(tx, actor.tenantId, { key: input.key }))) {
        throw new ProblemError('conflict', 'purpose.keyExists', { key: input.key });
      }
      const id = await insertPurpose(tx, actor.tenantId, input, who.at);
      const row = (await findPurpose(tx, actor.tenantId, { id }))!;
      await writeAudit(tx, who, { action: 'purpose.create', objectType: 'purpose', objectId: id, entityIds: [input.entityId], detail: { key: input.key, version: row.version.hash } });
      return row;
    });
    c.header('location', `/v1/purposes/${purpose.id}`);
    c.header('etag', etag(purpose));
    return c.json(view(purpose), 201);
  })
  /** The institution's consent defaults: the solicitation cap of people who have not chosen one. */
  .get('/settings', describeRoute({ operationId: 'getConsentSettings', summary: 'The institution’s consent defaults', tags: ['purposes'], answers: { 200: ConsentSettingsViewSchema } }), async (c) => {
    const { actor } = c.var.auth;
    return c.json({ solicitationCapDefault: await tenantDefaultCap(c.var.deps.db, actor.tenantId) }, 200);
  })
  .put('/settings', describeRoute({ operationId: 'setConsentSettings', summary: 'Change the institution’s consent defaults (administrators)', tags: ['purposes'], answers: { 200: ConsentSettingsViewSchema } }), jsonBody(ConsentSettingsSchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'consent.setDefaults', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
    const input = c.req.valid('json');
    const who = auditOrigin(c);
    await withTransaction({ db }, async (tx) => {
      const row = await findInstitutionSettings(tx, actor.tenantId);
      const before = await tenantDefaultCap(tx, actor.tenantId);
      await updateInstitutionSettings(tx, actor.tenantId, { ...row?.settings, solicitationCapDefault: input.solicitationCapDefault });
      await writeAudit(tx, who, { action: 'consent.settings', objectType: 'institution', objectId: actor.tenantId, detail: { solicitationCapDefault: { from: before, to: input.solicitationCapDefault } } });
    });
    return c.json({ solicitationCapDefault: await tenantDefaultCap(db, actor.tenantId) }, 200);
  })
  .get('/:id', describeRoute({ operationId: 'getPurpose', summary: 'One purpose with its current text', tags: ['purposes'], answers: { 200: PurposeViewSchema }, etag: true }), pathParams(v.object({ id: IdSchema })), async (c) => {
    const { actor } = c.var.auth;
    const purpose = await findPurpose(c.var.deps.db, actor.tenantId, { id: c.req.valid('param').id });
    if (!purpose) throw notFound('purpose.notFound');
    c.header('etag', etag(purpose));
    return c.json(view(purpose), 200);
  })
  /** Every text the purpose ever had, oldest first: what people agreed to stays readable. */
  .get('/:id/versions', describeRoute({ operationId: 'listPurposeVersions', summary: 'Every text a purpose ever had, oldest first', tags: ['purposes'], answers: { 200: PurposeVersionListSchema } }), pathParams(v.object({ id: IdSchema })), async (c) => {
    const { actor } = c.var.auth;
    const purpose = await findPurpose(c.var.deps.db, actor.tenantId, { id: c.req.valid('param').id });
    if (!purpose) throw notFound('purpose.notFound');
    return c.json({ items: await listPurposeVersions(c.var.deps.db, actor.tenantId, purpose.id), nextCursor: null }, 200);
  })
  /** Edits a purpose (administrators, `If-Match`). A new text is a new version; people who agreed to the old one are asked again. */
  .patch('/:id', describeRoute({ operationId: 'updatePurpose', summary: 'Edit a purpose; a new text is a new version (administrators)', tags: ['purposes'], answers: { 200: PurposeViewSchema }, ifMatch: true, etag: true }), pathParams(v.object({ id: IdSchema })), jsonBody(PurposeUpdateSchema), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'purpose.manage', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
    const input = c.req.valid('json');
    const ifMatch = c.req.header('if-match');
    if (!ifMatch) throw new ProblemError('preconditionRequired', 'purpose.ifMatchRequired');
    if (input.entityId) await requireEntity(db, actor.tenantId, input.entityId);
    const who = auditOrigin(c);
    const updated = await withTransaction({ db }, async (tx) => {
      const current = await findPurpose(tx, actor.tenantId, { id: c.req.valid('param').id });
      if (!current) throw notFound('purpose.notFound');
      if (ifMatch !== etag(current)) throw new ProblemError('preconditionFailed', 'purpose.changed');
      const v0 = current.version;
      const content = {
        title: input.title ?? v0.title,
        description: input.description ?? v0.description,
        legalBasis: input.legalBasis ?? v0.legalBasis,
        channels: input.channels ?? v0.channels,
      };
      const version = await ensureVersion(tx, actor.tenantId, current.id, content, who.at);
      await updatePurpose(tx, actor.tenantId, current.id, {
        currentVersionId: version.id,
        entityId: input.entityId ?? current.entity.id,
        retentionMonths: input.retentionMonths ?? current.retentionMonths,
        revision: current.revision + 1,
        updatedAt: who.at,
      });
      await writeAudit(tx, who, {
        action: 'purpose.edit',
        objectType: 'purpose',
        objectId: current.id,
        entityIds: [...new Set([current.entity.id, input.entityId ?? current.entity.id])],
        detail: { key: current.key, fromVersion: v0.hash, toVersion: version.hash, fields: Object.keys(input) },
      });
      return (await findPurpose(tx, actor.tenantId, { id: current.id }))!;
    });
    c.header('etag', etag(updated));
    return c.json(view(updated), 200);
  });
