import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import {
  ProfilePageSchema,
  ProfileViewSchema,
  IdSchema,
  ProfileListQuerySchema,
  ProfilePatchSchema,
  profileAudience,
  type ProfileAudience,
} from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { callOf } from '../call.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { authorize } from '../auth/authorize.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { auditOrigin, writeAudit } from '../audit/audit.ts';
import { etagOf, versionOfEtag, viewFor, type ProfileRow } from './document.ts';
import { flagDuplicates, initialFields, insertProfile } from './store.ts';
import { findProfile, updateProfile as updateProfileRow } from './queries/profiles.ts';
import { entityIdsOf, entityNames, findPerson } from './queries/people.ts';
import { findDuplicateFlagOf, resolveDuplicateFlag, reviewFlagsOf } from './queries/duplicates.ts';
import { searchDirectory } from './directory.ts';
import { loadProfile, personResource, render } from './view.ts';
import { updateProfile } from './update.ts';
import { recordEvent } from '../webhooks/record.ts';
import { describeRoute } from '../http/describe.ts';
import { withTransaction } from '../db/transaction.ts';

async function respond(c: Context<AppEnv>, row: ProfileRow, audience: ProfileAudience) {
  c.header('etag', etagOf(row));
  c.header('cache-control', 'private, no-cache');
  return c.json(await render(c.var.deps.db, row, audience, c.var.deps.clock.now()), 200);
}

/** The first value of `If-Match` as we hand out ETags (strong, quoted), or a 428. */
function requiredIfMatch(c: Context<AppEnv>): string {
  const header = c.req.header('if-match')?.trim();
  if (!header || header === '*') {
    throw new ProblemError('preconditionRequired', 'profile.ifMatchRequired');
  }
  return header;
}

export const profileRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** The directory: only what the caller may see, matched only on what the caller may see. */
  .get('/', describeRoute({ operationId: 'searchProfiles', summary: 'The directory: each profile as the caller may read it', tags: ['profiles'], answers: { 200: ProfilePageSchema }, etag: true }), queryParams(ProfileListQuerySchema), async (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'profile.read', personResource(actor, actor.personId, []));
    const { rows, nextCursor } = await searchDirectory(db, actor, c.req.valid('query'));
    const ids = rows.map((r) => r.personId);
    const owners = await entityIdsOf(db, actor.tenantId, ids);
    const names = await entityNames(db, actor.tenantId, rows.map((r) => r.educationEntityId));
    const flags = await reviewFlagsOf(db, actor.tenantId, ids);
    const now = clock.now();
    const items = rows.map((row) => {
      const audience = profileAudience(actor, personResource(actor, row.personId, owners.get(row.personId) ?? []));
      return viewFor(row, audience, { now, entityNames: names, reviewFlags: flags.get(row.personId) });
    });
    const body = { items, nextCursor };
    // A list has no version of its own: its ETag is a digest of what this caller sees.
    c.header('etag', `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`);
    c.header('cache-control', 'private, no-cache');
    return c.json(body, 200);
  })
  /** One's own profile, created on first visit from what the person record knows. */
  .get('/me', describeRoute({ operationId: 'getMyProfile', summary: 'One’s own profile (made on the first visit)', tags: ['profiles'], answers: { 200: ProfileViewSchema }, etag: true, writes: true, problems: [404] }), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const who = auditOrigin(c);
    // Read outside a transaction first: it exists on every visit but the first, and a read needs none.
    const row = (await findProfile(db, actor.tenantId, actor.personId)) ?? await withTransaction({ db }, async (tx) => {
      const found = await findProfile(tx, actor.tenantId, actor.personId);
      if (found) return found;
      const person = await findPerson(tx, actor.tenantId, actor.personId);
      if (!person) throw notFound('person.notFound');
      const created = await insertProfile(tx, { tenantId: actor.tenantId, personId: actor.personId, fields: initialFields(person), at: who.at, by: actor.personId });
      const entityIds = (await entityIdsOf(tx, actor.tenantId, [actor.personId])).get(actor.personId) ?? [];
      await writeAudit(tx, who, { action: 'profile.create', objectType: 'profile', objectId: created.personId, subjectId: created.personId, entityIds, detail: { fields: [] } });
      await flagDuplicates(tx, created, who.at);
      return created;
    });
    return respond(c, row, 'self');
  })
  /** "My data is still accurate": sets the confirmation date, nothing else. */
  .post('/me/confirm', describeRoute({ operationId: 'confirmMyProfile', summary: 'Say one’s profile is still accurate', tags: ['profiles'], answers: { 200: ProfileViewSchema }, etag: true, problems: [404] }), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const who = auditOrigin(c);
    const row = await withTransaction({ db }, async (tx) => {
      const { row: current, entityIds } = await loadProfile(tx, actor, actor.personId);
      // loadProfile found it in this transaction: the update returns a row.
      const updated = (await updateProfileRow(tx, actor.tenantId, actor.personId, { confirmedAt: who.at, version: current.version + 1 }))!;
      await writeAudit(tx, who, { action: 'profile.confirm', objectType: 'profile', objectId: actor.personId, subjectId: actor.personId, entityIds, detail: { fields: ['confirmedAt'] } });
      await recordEvent(tx, who, { type: 'profile.updated', personId: actor.personId });
      return updated;
    });
    return respond(c, row, 'self');
  })
  .get('/:id', describeRoute({ operationId: 'getProfile', summary: 'A profile, field by field as its owner lets the caller read it', tags: ['profiles'], answers: { 200: ProfileViewSchema }, etag: true }), pathParams(v.object({ id: IdSchema })), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const { row, entityIds } = await loadProfile(db, actor, c.req.valid('param').id);
    const resource = personResource(actor, row.personId, entityIds);
    authorize(actor, 'profile.read', resource);
    return respond(c, row, profileAudience(actor, resource));
  })
  /**
   * Partial update by the owner, or a correction by staff of their entities.
   * Needs the ETag read (`If-Match`): a stale one is 412 with the current
   * version, and nothing is written.
   */
  .patch('/:id', describeRoute({ operationId: 'updateProfile', summary: 'Edit a profile (its owner), or correct it (their staff)', description: 'A stale `If-Match` is 412 with the profile as it is now (`current`) and its `etag`: nothing was saved.', tags: ['profiles'], answers: { 200: ProfileViewSchema }, ifMatch: true, etag: true }), pathParams(v.object({ id: IdSchema })), jsonBody(ProfilePatchSchema), async (c) => {
    const ifMatch = requiredIfMatch(c);
    const { row, audience } = await updateProfile(c.var.deps, callOf(c), { personId: c.req.valid('param').id, changes: c.req.valid('json'), expectedVersion: versionOfEtag(ifMatch) });
    return respond(c, row, audience);
  })
  /**
   * Staff of the person's entities (or an administrator) decide a possible
   * duplicate is not one: the flag is marked resolved (audited with both
   * profile ids) and leaves the review queue. Answers the profile as staff see it.
   */
  .post('/:id/review-flags/:flagId/resolve', describeRoute({ operationId: 'resolveReviewFlag', summary: 'Decide a possible duplicate is not one (the person’s staff)', tags: ['profiles'], answers: { 200: ProfileViewSchema }, etag: true, problems: [409] }), pathParams(v.object({ id: IdSchema, flagId: IdSchema })), async (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const { id: personId, flagId } = c.req.valid('param');
    const who = auditOrigin(c);
    const row = await withTransaction({ db }, async (tx) => {
      const { row: current, entityIds } = await loadProfile(tx, actor, personId);
      const person = personResource(actor, personId, entityIds);
      authorize(actor, 'profile.edit', person);
      authorize(actor, 'profile.resolveDuplicate', person);
      const flag = await findDuplicateFlagOf(tx, actor.tenantId, personId, flagId);
      if (!flag) throw notFound('profile.reviewFlag.notFound');
      if (flag.resolvedAt !== null || !(await resolveDuplicateFlag(tx, actor.tenantId, flag.id, who.at))) {
        throw new ProblemError('conflict', 'profile.reviewFlag.resolved', {}, { members: { resolvedAt: flag.resolvedAt } });
      }
      await writeAudit(tx, who, {
        action: 'profile.duplicate.resolve',
        objectType: 'profile_duplicate_flag',
        objectId: flag.id,
        subjectId: personId,
        entityIds,
        detail: { personId: flag.personId, otherPersonId: flag.otherPersonId, reason: flag.reason },
      });
      return current;
    });
    return respond(c, row, 'staff');
  });
