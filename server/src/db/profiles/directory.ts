/**
 * The directory's first pass: filters that match only fields the reader may
 * see, sorted by a key that holds a name only where that name is open to the
 * reader's audience, paginated by keyset. Everything stays in the query
 * builder with bound parameters. Who the reader is (and so which ranks they
 * reach) is decided by the caller, in `profiles/directory.ts`.
 */
import { and, asc, eq, exists, gt, gte, inArray, isNull, lt, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../open.ts';
import { memberships, profileDuplicateFlags, profiles } from '../tables/index.ts';

/** Above every character: `key >= p AND key < p + TOP` is an index-friendly prefix match. */
const TOP = '\u{10FFFF}';
const prefix = (column: Column, value: string): SQL => and(gte(column, value), lt(column, value + TOP))!;

/** What the directory needs to know of the reader, already turned from the policy into ranks. */
export interface DirectoryReader {
  tenantId: string;
  personId: string;
  /** Admins see every field of every row of the tenant. */
  admin: boolean;
  /** Entities whose members' every field the reader (staff) sees. */
  coveredEntityIds: readonly string[];
  /** The lowest visibility rank the reader reaches on other rows. */
  minimumRank: number;
  /** Which audience's sort key orders the list. */
  sortBy: 'network' | 'public';
}

/** Filters, already normalised to search keys; `undefined` means absent. */
export interface DirectoryFilters {
  /** Name tokens (present, maybe empty, when a name search was asked). */
  nameTokens?: readonly string[];
  employerKey?: string;
  graduationYear?: number;
  entityId?: string;
  /** Only profiles with an open duplicate flag (staff of their entities, or admins). */
  flagged: boolean;
}

export interface DirectoryHit {
  personId: string;
  sort: string;
}

/** Ids and sort keys of up to `limit` matching profiles after `after`, read on the indexes only. */
export function directoryHits(
  db: DbOrTx,
  reader: DirectoryReader,
  filters: DirectoryFilters,
  after: DirectoryHit | undefined,
  limit: number,
): DirectoryHit[] {
  const { admin } = reader;
  const covered = [...reader.coveredEntityIds];
  const minimum = reader.minimumRank;
  // Rows whose every field the reader sees: their own, and (staff) members of covered entities.
  const seesAll: SQL | undefined = admin
    ? undefined
    : or(
        eq(profiles.personId, reader.personId),
        covered.length > 0
          ? exists(
              db
                .select({ one: sql`1` })
                .from(memberships)
                .where(and(eq(memberships.personId, profiles.personId), inArray(memberships.entityId, covered))),
            )
          : undefined,
      );
  /** The field behind `rank` is readable by the caller on this row. */
  const visible = (rank: Column): SQL | undefined => (admin ? undefined : or(gte(rank, minimum), seesAll));

  const conditions: (SQL | undefined)[] = [
    eq(profiles.tenantId, reader.tenantId),
    // A directory lists people the reader can identify: some name must be open to them.
    // (A name search implies it: each of its branches matches a name the reader sees.)
    admin || filters.nameTokens ? undefined : or(gte(profiles.nameRank, minimum), seesAll),
  ];
  for (const token of filters.nameTokens ?? []) {
    conditions.push(
      or(
        and(prefix(profiles.familyKey, token), visible(profiles.familyRank)),
        and(prefix(profiles.givenKey, token), visible(profiles.givenRank)),
        and(prefix(profiles.usageKey, token), visible(profiles.usageRank)),
      ),
    );
  }
  if (filters.employerKey !== undefined) conditions.push(prefix(profiles.employerKey, filters.employerKey), visible(profiles.employerRank));
  if (filters.graduationYear !== undefined) conditions.push(eq(profiles.graduationYear, filters.graduationYear), visible(profiles.graduationYearRank));
  if (filters.entityId !== undefined) conditions.push(eq(profiles.educationEntityId, filters.entityId), visible(profiles.educationEntityRank));
  if (filters.flagged) {
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

  const sortColumn = reader.sortBy === 'network' ? profiles.sortNetwork : profiles.sortPublic;
  if (after) conditions.push(or(gt(sortColumn, after.sort), and(eq(sortColumn, after.sort), gt(profiles.personId, after.personId))));
  const narrowed = filters.nameTokens !== undefined || filters.employerKey !== undefined || filters.graduationYear !== undefined || filters.entityId !== undefined;
  return (
    db
      .select({ personId: profiles.personId, sort: sortColumn })
      .from(profiles)
      .where(and(...conditions))
      // With a selective filter, `+column` keeps SQLite from walking the sort index
      // and filtering rows one by one: it uses the filter's index, then sorts the matches.
      .orderBy(narrowed ? sql`+${sortColumn}` : asc(sortColumn), asc(profiles.personId))
      .limit(limit)
      .all()
  );
}
