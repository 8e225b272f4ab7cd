import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import {
  ProfilePageSchema,
  ProfileViewSchema,
  IdSchema,
  ProfileListQuerySchema,
  ProfilePatchSchema,
  isSchoolOwned,
  profileAudience,
  profileFieldAction,
  profileFieldKeys,
  type Actor,
  type ProfileAudience,
  type ProfileFieldKey,
  type ProfileFields,
} from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import type { DbOrTx } from '../db/open.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { authorize } from '../auth/authorize.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { ProblemError, notFound, validationProblem } from '../http/problem.ts';
import { auditOrigin, writeAudit } from '../audit/audit.ts';
import { derivedColumns, etagOf, fieldsOf, viewFor, visibilityOf, type ProfileRow } from './document.ts';
import { flagDuplicates, initialFields, insertProfile } from './store.ts';
import { findProfile, updateProfile, updateProfileAtVersion } from './queries/profiles.ts';
import { entityIdsOf, entityNames, findPerson } from './queries/people.ts';
import { findDuplicateFlagOf, resolveDuplicateFlag, reviewFlagsOf } from './queries/duplicates.ts';
import { searchDirectory } from './directory.ts';
import { recordEvent } from '../webhooks/record.ts';
import { untilChange } from '../db/until-change.ts';
import { describeRoute } from '../http/describe.ts';

const personResource = (actor: Actor, personId: string, entityIds: string[]) => ({ kind: 'person' as const, tenantId: actor.tenantId, personId, entityIds });

/** The document `audience` reads, with what it needs from other tables. */
function render(db: DbOrTx, row: ProfileRow, audience: ProfileAudience, now: Date) {
  return viewFor(row, audience, {
    now,
    // The names of a tenant's entities change seldom: kept until the database changes.
    entityNames: untilChange(db, `entityName:${row.tenantId}:${row.educationEntityId}`, () => entityNames(db, row.tenantId, [row.educationEntityId])),
    reviewFlags: audience === 'staff' ? reviewFlagsOf(db, row.tenantId, [row.personId]).get(row.personId) : undefined,
  });
}

function respond(c: Context<AppEnv>, row: ProfileRow, audience: ProfileAudience) {
  c.header('etag', etagOf(row));
  c.header('cache-control', 'private, no-cache');
  return c.json(render(c.var.deps.db, row, audience, c.var.deps.clock.now()), 200);
}

/** Loads a profile of the caller's tenant with its owner's entities, or 404. */
function loadProfile(db: DbOrTx, actor: Actor, personId: string) {
  const row = findProfile(db, actor.tenantId, personId);
  if (!row) throw notFound('profile.notFound');
  const entityIds = entityIdsOf(db, actor.tenantId, [personId]).get(personId) ?? [];
  return { row, entityIds };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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
  .get('/', describeRoute({ operationId: 'searchProfiles', summary: 'The directory: each profile as the caller may read it', tags: ['profiles'], answers: { 200: ProfilePageSchema }, etag: true }), queryParams(ProfileListQuerySchema), (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'profile.read', personResource(actor, actor.personId, []));
    const { rows, nextCursor } = searchDirectory(db, actor, c.req.valid('query'));
    const ids = rows.map((r) => r.personId);
    const owners = entityIdsOf(db, actor.tenantId, ids);
    const names = entityNames(db, actor.tenantId, rows.map((r) => r.educationEntityId));
    const flags = reviewFlagsOf(db, actor.tenantId, ids);
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
  .get('/me', describeRoute({ operationId: 'getMyProfile', summary: 'One’s own profile (made on the first visit)', tags: ['profiles'], answers: { 200: ProfileViewSchema }, etag: true, writes: true, problems: [404] }), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const who = auditOrigin(c);
    // Read outside a transaction first: it exists on every visit but the first, and a read needs none.
    const row = findProfile(db, actor.tenantId, actor.personId) ?? db.transaction((tx) => {
      const found = findProfile(tx, actor.tenantId, actor.personId);
      if (found) return found;
      const person = findPerson(tx, actor.tenantId, actor.personId);
      if (!person) throw notFound('person.notFound');
      const created = insertProfile(tx, { tenantId: actor.tenantId, personId: actor.personId, fields: initialFields(person), at: who.at, by: actor.personId });
      const entityIds = entityIdsOf(tx, actor.tenantId, [actor.personId]).get(actor.personId) ?? [];
      writeAudit(tx, who, { action: 'profile.create', objectType: 'profile', objectId: created.personId, subjectId: created.personId, entityIds, detail: { fields: [] } });
      flagDuplicates(tx, created, who.at);
      return created;
    });
    return respond(c, row, 'self');
  })
  /** "My data is still accurate": sets the confirmation date, nothing else. */
  .post('/me/confirm', describeRoute({ operationId: 'confirmMyProfile', summary: 'Say one’s profile is still accurate', tags: ['profiles'], answers: { 200: ProfileViewSchema }, etag: true, problems: [404] }), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const who = auditOrigin(c);
    const row = db.transaction((tx) => {
      const { row: current, entityIds } = loadProfile(tx, actor, actor.personId);
      // loadProfile found it in this transaction: the update returns a row.
      const updated = updateProfile(tx, actor.tenantId, actor.personId, { confirmedAt: who.at, version: current.version + 1 })!;
      writeAudit(tx, who, { action: 'profile.confirm', objectType: 'profile', objectId: actor.personId, subjectId: actor.personId, entityIds, detail: { fields: ['confirmedAt'] } });
      recordEvent(tx, who, { type: 'profile.updated', personId: actor.personId });
      return updated;
    });
    return respond(c, row, 'self');
  })
  .get('/:id', describeRoute({ operationId: 'getProfile', summary: 'A profile, field by field as its owner lets the caller read it', tags: ['profiles'], answers: { 200: ProfileViewSchema }, etag: true }), pathParams(v.object({ id: IdSchema })), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const { row, entityIds } = loadProfile(db, actor, c.req.valid('param').id);
    const resource = personResource(actor, row.personId, entityIds);
    authorize(actor, 'profile.read', resource);
    return respond(c, row, profileAudience(actor, resource));
  })
  /**
   * Partial update by the owner, or a correction by staff of their entities.
   * Needs the ETag read (`If-Match`): a stale one is 412 with the current
   * version, and nothing is written.
   */
  .patch('/:id', describeRoute({ operationId: 'updateProfile', summary: 'Edit a profile (its owner), or correct it (their staff)', description: 'A stale `If-Match` is 412 with the profile as it is now (`current`) and its `etag`: nothing was saved.', tags: ['profiles'], answers: { 200: ProfileViewSchema }, ifMatch: true, etag: true }), pathParams(v.object({ id: IdSchema })), jsonBody(ProfilePatchSchema), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const personId = c.req.valid('param').id;
    const patch = c.req.valid('json');
    const ifMatch = requiredIfMatch(c);
    const who = auditOrigin(c);

    const { row, audience } = db.transaction((tx) => {
      const { row: current, entityIds } = loadProfile(tx, actor, personId);
      const resource = personResource(actor, personId, entityIds);
      authorize(actor, 'profile.edit', resource);
      const isOwner = personId === actor.personId;
      const audience = profileAudience(actor, resource);

      if (ifMatch !== etagOf(current)) {
        throw new ProblemError('preconditionFailed', 'profile.changed', {}, {
          members: { current: render(tx, current, audience, c.var.deps.clock.now()), etag: etagOf(current) },
          headers: { etag: etagOf(current) },
        });
      }

      const before = fieldsOf(current);
      const after: ProfileFields = { ...before };
      const changed: string[] = [];
      for (const k of profileFieldKeys) {
        if (patch[k] === undefined || same(patch[k], before[k])) continue;
        (after as Record<ProfileFieldKey, unknown>)[k] = patch[k];
        changed.push(k);
      }
      // Field by field: school-owned ones, once staff recorded them, are theirs to correct.
      const owned = { ...resource, educationLocked: current.educationLocked };
      for (const k of changed as ProfileFieldKey[]) authorize(actor, profileFieldAction(k), owned);
      if (patch.educationEntityId && patch.educationEntityId !== before.educationEntityId && !(patch.educationEntityId in actor.entityParents)) {
        throw validationProblem([{ path: 'educationEntityId', code: 'profile.educationEntity', params: {} }]);
      }

      const visibility = visibilityOf(current.visibility);
      if (patch.visibility) {
        for (const [k, level] of Object.entries(patch.visibility) as [ProfileFieldKey, (typeof visibility)[ProfileFieldKey] | undefined][]) {
          if (level === undefined || visibility[k] === level) continue;
          authorize(actor, 'profile.setVisibility', resource);
          visibility[k] = level;
          changed.push(`visibility.${k}`);
        }
      }
      if (changed.length === 0) return { row: current, audience };

      // Staff recording school-owned data makes it the institution's: the person then asks them to correct it.
      const locks = audience === 'staff' && changed.some(isSchoolOwned);
      const updated = updateProfileAtVersion(tx, actor.tenantId, personId, current.version, {
        ...after,
        visibility,
        ...derivedColumns(after, visibility),
        educationLocked: current.educationLocked || locks,
        version: current.version + 1,
        updatedAt: who.at,
        updatedBy: actor.personId,
        ...(isOwner ? { ownerUpdatedAt: who.at } : {}),
      });
      if (!updated) throw new ProblemError('preconditionFailed', 'profile.changedWhileSaving');
      writeAudit(tx, who, {
        action: isOwner ? 'profile.update' : 'profile.correct',
        objectType: 'profile',
        objectId: personId,
        subjectId: personId,
        entityIds,
        detail: { fields: changed },
      });
      const identity: readonly string[] = ['emails', 'givenName', 'familyName', 'graduationYear', 'programme'];
      if (changed.some((k) => identity.includes(k))) flagDuplicates(tx, updated, who.at);
      recordEvent(tx, who, { type: 'profile.updated', personId });
      return { row: updated, audience };
    });
    return respond(c, row, audience);
  })
  /**
   * Staff of the person's entities (or an administrator) decide a possible
   * duplicate is not one: the flag is marked resolved (audited with both
   * profile ids) and leaves the review queue. Answers the profile as staff see it.
   */
  .post('/:id/review-flags/:flagId/resolve', describeRoute({ operationId: 'resolveReviewFlag', summary: 'Decide a possible duplicate is not one (the person’s staff)', tags: ['profiles'], answers: { 200: ProfileViewSchema }, etag: true, problems: [409] }), pathParams(v.object({ id: IdSchema, flagId: IdSchema })), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const { id: personId, flagId } = c.req.valid('param');
    const who = auditOrigin(c);
    const row = db.transaction((tx) => {
      const { row: current, entityIds } = loadProfile(tx, actor, personId);
      const person = personResource(actor, personId, entityIds);
      authorize(actor, 'profile.edit', person);
      authorize(actor, 'profile.resolveDuplicate', person);
      const flag = findDuplicateFlagOf(tx, actor.tenantId, personId, flagId);
      if (!flag) throw notFound('profile.reviewFlag.notFound');
      if (flag.resolvedAt !== null || !resolveDuplicateFlag(tx, actor.tenantId, flag.id, who.at)) {
        throw new ProblemError('conflict', 'profile.reviewFlag.resolved', {}, { members: { resolvedAt: flag.resolvedAt } });
      }
      writeAudit(tx, who, {
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
