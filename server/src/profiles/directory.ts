/**
 * The directory query: filters that match only fields the reader may see,
 * sorted by a key that holds a name only where that name is open to the
 * reader's audience, paginated by keyset. Everything stays in the query
 * builder with bound parameters.
 */
import { and, asc, eq, exists, gt, gte, inArray, isNull, lt, or, sql, type Column, type SQL } from 'drizzle-orm';
import { searchKey, visibilityRank, type Actor, type ProfileListQuery } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { memberships, profileDuplicateFlags, profiles } from '../db/tables/index.ts';
import { ProblemError, validationProblem } from '../http/problem.ts';
import type { ProfileRow } from './document.ts';
import { coveredEntityIds, isAdmin } from '../auth/roles.ts';

/** Above every character: `key >= p AND key < p + TOP` is an index-friendly prefix match. */
const TOP = '\u{10FFFF}';
const prefix = (column: Column, value: string): SQL => and(gte(column, value), lt(column, value + TOP))!;

const isMember = (actor: Actor) => actor.memberships.some((m) => m.role === 'student' || m.role === 'alumnus' || m.role === 'staff');

interface Cursor {
  sort: string;
  id: string;
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.sort, c.id])).toString('base64url');
function decodeCursor(raw: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { sort: value[0], id: value[1] };
  } catch {
    // fall through: a cursor is only what we handed out
  }
  throw validationProblem([{ path: 'cursor', message: 'Invalid cursor: use the nextCursor of the previous page.' }]);
}

export function searchDirectory(db: DbOrTx, actor: Actor, query: ProfileListQuery): { rows: ProfileRow[]; nextCursor: string | null } {
  const admin = isAdmin(actor);
  const covered = coveredEntityIds(actor);
  // Rows whose every field the reader sees: their own, and (staff) members of covered entities.
  const seesAll: SQL | undefined = admin
    ? undefined
    : or(
        eq(profiles.personId, actor.personId),
        covered.length > 0
          ? exists(
              db
                .select({ one: sql`1` })
                .from(memberships)
                .where(and(eq(memberships.personId, profiles.personId), inArray(memberships.entityId, covered))),
            )
          : undefined,
      );
  const minimum = isMember(actor) ? visibilityRank.network : visibilityRank.public;
  /** The field behind `rank` is readable by the caller on this row. */
  const visible = (rank: Column): SQL | undefined => (admin ? undefined : or(gte(rank, minimum), seesAll));

  const conditions: (SQL | undefined)[] = [
    eq(profiles.tenantId, actor.tenantId),
    // A directory lists people the reader can identify: some name must be open to them.
    // (A name search implies it: each of its branches matches a name the reader sees.)
    admin || query.q ? undefined : or(gte(profiles.nameRank, minimum), seesAll),
  ];
  if (query.q) {
    const tokens = searchKey(query.q).split(' ').filter(Boolean).slice(0, 4);
    for (const token of tokens) {
      conditions.push(
        or(
          and(prefix(profiles.familyKey, token), visible(profiles.familyRank)),
          and(prefix(profiles.givenKey, token), visible(profiles.givenRank)),
          and(prefix(profiles.usageKey, token), visible(profiles.usageRank)),
        ),
      );
    }
  }
  if (query.employer) {
    const employer = searchKey(query.employer);
    conditions.push(prefix(profiles.employerKey, employer), visible(profiles.employerRank));
  }
  if (query.graduationYear !== undefined) conditions.push(eq(profiles.graduationYear, query.graduationYear), visible(profiles.graduationYearRank));
  if (query.entity) conditions.push(eq(profiles.educationEntityId, query.entity), visible(profiles.educationEntityRank));
  if (query.flagged) {
    if (!admin && covered.length === 0) {
      throw new ProblemError('forbidden', 'Only staff and administrators review possible duplicate profiles. Ask your alumni office.');
    }
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(profileDuplicateFlags)
          .where(and(eq(profileDuplicateFlags.personId, profiles.personId), isNull(profileDuplicateFlags.resolvedAt))),
      ),
      // Staff review the members of their own entities only.
      admin ? undefined : seesAll,
    );
  }

  // Admins and members sort by what the network sees; everyone else by what the public sees.
  const sortColumn = admin || minimum === visibilityRank.network ? profiles.sortNetwork : profiles.sortPublic;
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    conditions.push(or(gt(sortColumn, after.sort), and(eq(sortColumn, after.sort), gt(profiles.personId, after.id))));
  }
  const narrowed = Boolean(query.q || query.employer || query.graduationYear !== undefined || query.entity);
  // First pass on the indexes only: ids and sort keys of the page.
  const hits = db
    .select({ personId: profiles.personId, sort: sortColumn })
    .from(profiles)
    .where(and(...conditions))
    // With a selective filter, `+column` keeps SQLite from walking the sort index
    // and filtering rows one by one: it uses the filter's index, then sorts the matches.
    .orderBy(narrowed ? sql`+${sortColumn}` : asc(sortColumn), asc(profiles.personId))
    .limit(query.limit + 1)
    .all();
  const page = hits.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = hits.length > query.limit && last ? encodeCursor({ sort: last.sort, id: last.personId }) : null;
  // Second pass: the page's rows, in the order found.
  const byId = new Map(
    page.length === 0
      ? []
      : db
          .select()
          .from(profiles)
          .where(and(eq(profiles.tenantId, actor.tenantId), inArray(profiles.personId, page.map((h) => h.personId))))
          .all()
          .map((r) => [r.personId, r] as const),
  );
  const rows = page.flatMap((h) => byId.get(h.personId) ?? []);
  return { rows, nextCursor };
}
