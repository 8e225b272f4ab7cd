import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import {
  ProfilePageSchema,
  ProfileViewSchema,
  IdSchema,
  ProfileListQuerySchema,
  ProfilePatchWithConsentsSchema,
  audienceNeedsEntities,
  profileAudience,
  type ProfileAudience,
} from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { callOf } from '../call.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { authorize } from '../auth/authorize.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { ProblemError } from '../http/problem.ts';
import { etagOf, versionOfEtag, viewFor, type ProfileRow } from './document.ts';
import { entityIdsOf, keptEntityNames } from './queries/people.ts';
import { reviewFlagsOf } from './queries/duplicates.ts';
import { searchDirectory } from './directory.ts';
import { loadProfile, personResource, render } from './view.ts';
import { updateProfile } from './update.ts';
import { describeRoute } from '../http/describe.ts';
import { formConsentsOf } from '../consents/form-consents.ts';
import { ownProfile } from './first-visit.ts';
import { confirmProfile } from './confirm.ts';
import { resolveReviewFlag } from './resolve-flag.ts';

async function respond(c: Context<AppEnv>, row: ProfileRow, audience: ProfileAudience) {
  c.header('etag', etagOf(row));
  c.header('cache-control', 'private, no-cache');
  return c.json(await render(c.get('deps').db, row, audience, c.get('deps').clock.now()), 200);
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
    const { db, clock } = c.get('deps');
    const { actor } = c.get('auth');
    authorize(actor, 'profile.read', personResource(actor, actor.personId, []));
    const { rows, nextCursor } = await searchDirectory(db, actor, c.req.valid('query'));
    // The owners' entities, where they can change what the reader sees (the policy says when).
    const owners = audienceNeedsEntities(actor) ? await entityIdsOf(db, actor.tenantId, rows.map((r) => r.personId)) : new Map<string, string[]>();
    const names = await keptEntityNames(db, actor.tenantId, rows.map((r) => r.educationEntityId));
    const audiences = rows.map((row) => profileAudience(actor, personResource(actor, row.personId, owners.get(row.personId) ?? [])));
    // Review flags are read by staff only: none are fetched for a page nobody on it is staff to.
    const flags = await reviewFlagsOf(db, actor.tenantId, rows.filter((_, i) => audiences[i] === 'staff').map((r) => r.personId));
    const now = clock.now();
    const items = rows.map((row, i) => viewFor(row, audiences[i]!, { now, entityNames: names, reviewFlags: flags.get(row.personId) }));
    const body = { items, nextCursor };
    // A list has no version of its own: its ETag is a digest of what this caller sees.
    c.header('etag', `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`);
    c.header('cache-control', 'private, no-cache');
    return c.json(body, 200);
  })
  /** One's own profile, created on first visit from what the person record knows. */
  .get('/me', describeRoute({ operationId: 'getMyProfile', summary: 'One’s own profile (made on the first visit)', tags: ['profiles'], answers: { 200: ProfileViewSchema }, etag: true, writes: true, problems: [404] }), async (c) =>
    respond(c, await ownProfile(c.get('deps'), callOf(c)), 'self'),
  )
  /** "My data is still accurate": sets the confirmation date, nothing else. */
  .post('/me/confirm', describeRoute({ operationId: 'confirmMyProfile', summary: 'Say one’s profile is still accurate', tags: ['profiles'], answers: { 200: ProfileViewSchema }, etag: true, problems: [404] }), async (c) =>
    respond(c, await confirmProfile(c.get('deps'), callOf(c)), 'self'),
  )
  .get('/:id', describeRoute({ operationId: 'getProfile', summary: 'A profile, field by field as its owner lets the caller read it', tags: ['profiles'], answers: { 200: ProfileViewSchema }, etag: true }), pathParams(v.object({ id: IdSchema })), async (c) => {
    const { db } = c.get('deps');
    const { actor } = c.get('auth');
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
  .patch('/:id', describeRoute({ operationId: 'updateProfile', summary: 'Edit a profile (its owner), or correct it (their staff)', description: 'A stale `If-Match` is 412 with the profile as it is now (`current`) and its `etag`: nothing was saved.', tags: ['profiles'], answers: { 200: ProfileViewSchema }, ifMatch: true, etag: true }), pathParams(v.object({ id: IdSchema })), jsonBody(ProfilePatchWithConsentsSchema), async (c) => {
    const ifMatch = requiredIfMatch(c);
    const { consents, ...changes } = c.req.valid('json');
    const { row, audience } = await updateProfile(c.get('deps'), callOf(c), { personId: c.req.valid('param').id, changes, expectedVersion: versionOfEtag(ifMatch), consents: formConsentsOf(c, consents) });
    return respond(c, row, audience);
  })
  /**
   * Staff of the person's entities (or an administrator) decide a possible
   * duplicate is not one: the flag is marked resolved (audited with both
   * profile ids) and leaves the review queue. Answers the profile as staff see it.
   */
  .post('/:id/review-flags/:flagId/resolve', describeRoute({ operationId: 'resolveReviewFlag', summary: 'Decide a possible duplicate is not one (the person’s staff)', tags: ['profiles'], answers: { 200: ProfileViewSchema }, etag: true, problems: [409] }), pathParams(v.object({ id: IdSchema, flagId: IdSchema })), async (c) => {
    const { id: personId, flagId } = c.req.valid('param');
    return respond(c, await resolveReviewFlag(c.get('deps'), callOf(c), { personId, flagId }), 'staff');
  });
