/**
 * The directory: who the reader is, turned from the policy into the ranks and
 * rows they reach; the filters as search keys; keyset pagination. The query
 * itself is `directoryHits` (`profiles/queries/directory.ts`).
 */
import * as v from 'valibot';
import { coveredEntityIds, entityScope, IdSchema, outsiderAudience, searchKey, visibilityRank, type Actor, type ProfileListQuery } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { directoryHits, type DirectoryFilters, type DirectoryHit, type DirectoryReader } from './queries/directory.ts';
import { findProfilesByPersonIds } from './queries/profiles.ts';
import { availabilityFilters } from './queries/directory-row-filters.ts';
import { validationProblem } from '../http/problem.ts';
import type { ProfileRow } from './document.ts';
import { authorize } from '../auth/authorize.ts';

const encodeCursor = (c: DirectoryHit) => Buffer.from(JSON.stringify([c.sort, c.personId])).toString('base64url');
function decodeCursor(raw: string): DirectoryHit {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    // The person's id is compared with a uuid column on PostgreSQL: a forged one is refused here, on every engine.
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && v.is(IdSchema, value[1])) return { sort: value[0], personId: value[1] };
  } catch {
    // fall through: a cursor is only what we handed out
  }
  throw validationProblem([{ path: 'cursor', code: 'list.cursor', params: {} }]);
}

export async function searchDirectory(db: DbOrTx, actor: Actor, query: ProfileListQuery): Promise<{ rows: ProfileRow[]; nextCursor: string|null; }> {
  const admin = entityScope(actor).all;
  const minimum = outsiderAudience(actor) === 'network' ? visibilityRank.network : visibilityRank.public;
  const reader: DirectoryReader = {
    tenantId: actor.tenantId,
    personId: actor.personId,
    admin,
    coveredEntityIds: coveredEntityIds(actor),
    minimumRank: minimum,
    // Admins and members sort by what the network sees; everyone else by what the public sees.
    sortBy: admin || minimum === visibilityRank.network ? 'network' : 'public',
  };
  const filters: DirectoryFilters = {
    nameTokens: query.q ? searchKey(query.q).split(' ').filter(Boolean).slice(0, 4) : undefined,
    employerKey: query.employer ? searchKey(query.employer) : undefined,
    graduationYear: query.graduationYear,
    entityId: query.entity ? query.entity : undefined,
    sectorKey: query.sector ? searchKey(query.sector) : undefined,
    cityKey: query.city ? searchKey(query.city) : undefined,
    availability: availabilityFilters.filter((key) => query[key] === 'true'),
    flagged: Boolean(query.flagged),
  };
  if (filters.flagged) authorize(actor, 'profile.listDuplicates', { kind: 'records', tenantId: actor.tenantId, entityIds: 'covered' });
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;

  // First pass on the indexes only: ids and sort keys of the page.
  const hits = await directoryHits(db, reader, filters, after, query.limit + 1);
  const page = hits.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = hits.length > query.limit && last ? encodeCursor(last) : null;
  // Second pass: the page's rows, in the order found.
  const byId = new Map((await findProfilesByPersonIds(db, actor.tenantId, page.map((h) => h.personId))).map((r) => [r.personId, r] as const));
  const rows = page.flatMap((h) => byId.get(h.personId) ?? []);
  return { rows, nextCursor };
}
