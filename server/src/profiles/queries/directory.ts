/**
 * The directory's first pass: filters that match only fields the reader may
 * see, sorted by a key that holds a name only where that name is open to the
 * reader's audience, paginated by keyset. Everything stays in the query
 * builder with bound parameters. Who the reader is (and so which ranks they
 * reach) is decided by the caller, in `profiles/directory.ts`.
 *
 * Speed at 200,000 profiles comes from never reading a table row before the
 * page is known: every filter is evaluated on one covering index (each
 * directory index carries every filter column, see `tables/profiles.ts`).
 * A field is readable when its rank reaches the reader's minimum, or when
 * the reader sees the whole row (their own, or staff of one of the owner's
 * entities). Since "(rank ≥ min OR sees all)" for every field is the same as
 * "(every rank ≥ min) OR sees all", the page is the merge of three smaller
 * answers, each cheap:
 *  - ranked: the filters with every rank condition — index only;
 *  - covered (staff): the filters without ranks, walked in sort order, the
 *    membership test run lazily on candidates until the page is full;
 *  - self: the reader's own row, without ranks — one primary-key read.
 * When the filters are broad (none, an entity, a one-letter prefix) the
 * ranked and covered answers walk the sort index in page order instead of
 * sorting every match: a page is then a few hundred entries away. One
 * exception to "index only": a name token's family-name branch in the ranked
 * answer seeks the sort index's range for the token (`seeksSortForFamily`)
 * and checks the other conditions on the table rows of the first entries,
 * since that range is already in page order.
 */
import { and, asc, count, eq, exists, gte, inArray, isNull, lt, or, sql, type Column, type SQL, type SQLWrapper } from 'drizzle-orm';
import { unionAll, type SubqueryWithSelection } from 'drizzle-orm/sqlite-core';
import { isPostgres, type DbOrTx } from '../../db/open.ts';
import { memberships, profileDuplicateFlags, profiles } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';
import { unindexedText } from '../../db/dialect.ts';
import { visibilityRank } from '@passerelle/schema';
import { rowFilterConditions, type DirectoryRowFilters } from './directory-row-filters.ts';

/** Above every character: `key >= p AND key < p + TOP` is an index-friendly prefix match. */
const TOP = '\u{10FFFF}';

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

/** Filters, already normalised to search keys; `undefined` means absent. Sector, city and availability are checked on the row. */
export interface DirectoryFilters extends DirectoryRowFilters {
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

/** The name fields a token may match, with their visibility ranks. */
const nameFields = [
  [profiles.familyKey, profiles.familyRank],
  [profiles.givenKey, profiles.givenRank],
  [profiles.usageKey, profiles.usageRank],
] as const;

const familyField = nameFields[0];

/**
 * Whether a name token's family-name branch can seek the sort index instead
 * of the family index. The audience's sort key is "family given" exactly
 * when that audience may read the family name (`derivedColumns`), so when
 * the branch asks for a family name readable from the sort's audience up
 * (`minimum` at least its rank), a family name starting with the token is
 * exactly a sort key starting with it whose row has that family name: the
 * matches come in page order and the page is the first entries of the range,
 * not the top of a sort of every family name sharing the prefix (14,000 for
 * "ma" at 200,000 profiles).
 */
function seeksSortForFamily(reader: DirectoryReader, minimum: number | undefined): boolean {
  const sortRank = reader.sortBy === 'network' ? visibilityRank.network : visibilityRank.public;
  return minimum !== undefined && minimum >= sortRank;
}

/**
 * Which filter the index scan seeks on: the one expected to keep the fewest
 * rows (a year keeps about 1/40; a prefix about 1/8 per letter; an entity a
 * large share). The others are checked on the same index entries.
 */
type Driver = { kind: 'name'; token: string } | { kind: 'employer' } | { kind: 'year' } | { kind: 'entity' } | { kind: 'none' };

function pickDriver(filters: DirectoryFilters): Driver {
  const prefixShare = (p: string) => 8 ** -Math.min(p.length, 6);
  const candidates: [Driver, number][] = [];
  const longest = [...(filters.nameTokens ?? [])].sort((a, b) => b.length - a.length)[0];
  // A name token matches on three fields.
  if (longest !== undefined) candidates.push([{ kind: 'name', token: longest }, 3 * prefixShare(longest)]);
  if (filters.graduationYear !== undefined) candidates.push([{ kind: 'year' }, 1 / 40]);
  if (filters.employerKey !== undefined) candidates.push([{ kind: 'employer' }, prefixShare(filters.employerKey)]);
  if (filters.entityId !== undefined) candidates.push([{ kind: 'entity' }, 1 / 3]);
  return candidates.sort((a, b) => a[1] - b[1])[0]?.[0] ?? { kind: 'none' };
}

/**
 * A column as a seek key (the driver's) or, written `+column`, as a value
 * checked on the index entry: SQLite then neither seeks on it nor splits an
 * OR into table lookups.
 */
const checked = (column: Column): SQL => sql`+${column}`;
const term = (column: Column, seek: boolean): SQL => (seek ? sql`${column}` : checked(column));
const prefixOf = (column: SQLWrapper, value: string): SQL => and(gte(column, value), lt(column, value + TOP))!;

/**
 * The filters as conditions; `minimum` undefined means every field is
 * readable (admin, covered member, self). `seek` names the driver: its
 * columns stay plain so the scan seeks on them; `nameBranch` is the name
 * field the driver token is matched on in this branch of the union.
 */
function conditions(db: DbOrTx, filters: DirectoryFilters, minimum: number | undefined, driver: Driver, nameBranch?: (typeof nameFields)[number], sortColumn?: Column): SQL[] {
  const readable = (rank: Column, seek: boolean): SQL | undefined => (minimum === undefined ? undefined : gte(term(rank, seek), minimum));
  const list: (SQL | undefined)[] = [];
  let driverTokenDone = false;
  for (const token of filters.nameTokens ?? []) {
    if (driver.kind === 'name' && nameBranch && token === driver.token && !driverTokenDone) {
      driverTokenDone = true;
      if (sortColumn) {
        // The family branch, sought on the sort key, which starts with the family name (see `seeksSortForFamily`).
        list.push(prefixOf(sortColumn, token), prefixOf(unindexedText(db, nameBranch[0]), token), readable(nameBranch[1], false));
        continue;
      }
      // This branch answers the driver token on one field, sought on its index.
      list.push(prefixOf(nameBranch[0], token), readable(nameBranch[1], true));
      continue;
    }
    list.push(or(...nameFields.map(([key, rank]) => and(prefixOf(checked(key), token), readable(rank, false)))));
  }
  // A directory lists people the reader can identify: some name must be open to them.
  // (A name search implies it: each of its branches matches a name the reader sees.)
  if (filters.nameTokens === undefined && minimum !== undefined) list.push(gte(checked(profiles.nameRank), minimum));
  if (filters.employerKey !== undefined) {
    const seek = driver.kind === 'employer';
    list.push(prefixOf(term(profiles.employerKey, seek), filters.employerKey), readable(profiles.employerRank, seek));
  }
  if (filters.graduationYear !== undefined) {
    const seek = driver.kind === 'year';
    list.push(eq(term(profiles.graduationYear, seek), filters.graduationYear), readable(profiles.graduationYearRank, seek));
  }
  if (filters.entityId !== undefined) {
    const seek = driver.kind === 'entity';
    list.push(eq(term(profiles.educationEntityId, seek), filters.entityId), readable(profiles.educationEntityRank, seek));
  }
  list.push(...rowFilterConditions(db, filters, minimum));
  return list.filter((c): c is SQL => c !== undefined);
}

/**
 * Strictly after / before `hit` in (sort, personId) order, as a row-value
 * comparison: SQLite seeks a (sort, id) index on both columns at once.
 * Before an entry whose sort key is empty (a name hidden from the audience:
 * the first and largest group of the order) is said as `sort = '' AND id <
 * …`, the same rows: PostgreSQL ends a scan on a row value's first column
 * only, so the row value would have it read the whole group past the bound.
 */
const after = (sortColumn: SQLWrapper, hit: DirectoryHit): SQL => sql`(${sortColumn}, ${profiles.personId}) > (${hit.sort}, ${hit.personId})`;
const before = (sortColumn: SQLWrapper, hit: DirectoryHit): SQL =>
  hit.sort === '' ? and(eq(sortColumn, ''), lt(profiles.personId, hit.personId))! : sql`(${sortColumn}, ${profiles.personId}) < (${hit.sort}, ${hit.personId})`;

const byPage = (a: DirectoryHit, b: DirectoryHit) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);

/** Ids and sort keys of up to `limit` matching profiles after `from`, read on the indexes only. */
export function directoryHits(db: DbOrTx, reader: DirectoryReader, filters: DirectoryFilters, from: DirectoryHit | undefined, limit: number): Promise<DirectoryHit[]> {
  return query(db, async (db) => {
    if (filters.flagged) return flaggedHits(db, reader, filters, from, limit);
    const sortColumn = reader.sortBy === 'network' ? profiles.sortNetwork : profiles.sortPublic;
    const driver = pickDriver(filters);
    // With a filter, `+sort` (PostgreSQL: `sort || ''`) keeps the planner from walking the sort index and
    // testing rows one by one: it seeks the filter's index, then sorts the matches (a top-N sort, index entries only).
    const sortKey = driver.kind === 'none' ? sortColumn : unindexedText(db, sortColumn);

    /**
     * The matching entries in page order: one select, or one per name field
     * (each seeking its own index). Each is a top-`limit` sort of index entries.
     */
    const branches = driver.kind === 'name' ? nameFields : [undefined];
    const matches = (minimum: number | undefined, nameBranch: (typeof nameFields)[number] | undefined, bound?: DirectoryHit) => {
      const viaSort = nameBranch === familyField && seeksSortForFamily(reader, minimum);
      const order = viaSort ? sortColumn : sortKey;
      return db
        .select({ personId: profiles.personId, sort: sql<string>`${sortColumn}`.as('sort') })
        .from(profiles)
        .where(
          and(
            eq(profiles.tenantId, reader.tenantId),
            ...conditions(db, filters, minimum, driver, nameBranch, viaSort ? sortColumn : undefined),
            from ? after(order, from) : undefined,
            bound ? before(order, bound) : undefined,
          ),
        )
        .orderBy(order, asc(profiles.personId));
    };
    /** The first `limit` of several lists in page order; a person found twice counts once. */
    const merge = (lists: DirectoryHit[][]) => [...new Map(lists.flat().map((h) => [h.personId, h] as const)).values()].sort(byPage).slice(0, limit);

    // Broad filters: the sort index walked in page order (see `walkSortIndex`), else the seeks above.
    const walk = (minimum: number | undefined, bound: DirectoryHit | undefined, covered?: readonly string[]) =>
      broad(filters) ? walkSortIndex(db, reader.tenantId, filters, sortColumn, { minimum, covered, from, bound, limit }) : Promise.resolve(undefined);
    /**
     * Each branch's first `limit` matches, merged in page order. On
     * PostgreSQL, with `withOwnRow`, the reader's own row too (from `from`
     * on, unbounded: the merge cuts what lies beyond), all in one statement:
     * one round trip instead of one per part, each part still its own seek (a
     * subquery with its ORDER BY and LIMIT; `part` -1 is the own row). SQLite
     * has no round trips: it runs the branches as they are (the union's
     * wrapping cost it more than it saved). `own` is undefined when not read.
     */
    const seek = async (minimum: number | undefined, withOwnRow: boolean): Promise<{ ranked: DirectoryHit[]; own?: DirectoryHit | null }> => {
      if (!isPostgres(db) || (branches.length === 1 && !withOwnRow)) return { ranked: merge(await Promise.all(branches.map((branch) => matches(minimum, branch).limit(limit).all()))) };
      const parts = branches.map((branch, i) => tagged(db, matches(minimum, branch).limit(limit).as(`b${i}`), i));
      if (withOwnRow) parts.push(tagged(db, ownRow(db, reader, filters, sortColumn, from, undefined).limit(1).as('own'), -1));
      const [first, second, ...rest] = parts;
      const rows = await unionAll(first!, second!, ...rest).all();
      const hits = (part: (n: number) => boolean) => rows.filter((r) => part(r.part)).map(({ personId, sort }): DirectoryHit => ({ personId, sort }));
      return { ranked: merge([hits((n) => n >= 0)]), own: withOwnRow ? (hits((n) => n < 0)[0] ?? null) : undefined };
    };

    // Admins read every field.
    if (reader.admin) return (await walk(undefined, undefined)) ?? (await seek(undefined, false)).ranked;

    const rankedWalk = await walk(reader.minimumRank, undefined);
    const sought = rankedWalk ? undefined : await seek(reader.minimumRank, true);
    const ranked = rankedWalk ?? sought!.ranked;
    // Beyond the ranked page's last entry nothing else can make the page.
    const bound = ranked.length === limit ? ranked.at(-1) : undefined;
    const lists = [ranked];

    // The reader's own row, whatever its ranks (read with the seeks on PostgreSQL, unbounded: beyond the bound the merge cuts it).
    const own = sought?.own !== undefined ? sought.own : await ownRow(db, reader, filters, sortColumn, from, bound).get();
    if (own) lists.push([own]);

    // Staff: members of their entities, whatever the ranks. Candidates come in page order from
    // the indexes; the membership test runs on them one by one, only until the page is full.
    const covered = reader.coveredEntityIds;
    if (covered.length === 0) return merge(lists);
    const walked = await walk(undefined, bound, covered);
    if (walked) return merge([...lists, walked]);
    for (const branch of branches) {
      const candidates = matches(undefined, branch, bound)
        // A LIMIT keeps SQLite from moving the membership test into the candidates' scan.
        .limit(Number.MAX_SAFE_INTEGER)
        .as('candidates');
      lists.push((await db.select({ personId: candidates.personId, sort: candidates.sort }).from(candidates).where(memberOf(db, candidates.personId, covered)).limit(limit).all()));
    }
    return merge(lists);
  });
}

/** The person (`personId`) has a membership in one of the `covered` entities. */
const memberOf = (db: DbOrTx, personId: SQLWrapper, covered: readonly string[]): SQL =>
  exists(
    db
      .select({ one: sql`1` })
      .from(memberships)
      .where(and(eq(memberships.personId, personId), inArray(memberships.entityId, [...covered]))),
  );

/**
 * Whether the filters keep a large share of the profiles (none, an entity,
 * a one-letter prefix): seeking them means sorting tens of thousands of
 * index entries for one page, while in sort order a match comes every few
 * entries.
 */
function broad(filters: DirectoryFilters): boolean {
  const driver = pickDriver(filters);
  if (driver.kind === 'none' || driver.kind === 'entity') return true;
  if (driver.kind === 'name') return driver.token.length <= 1;
  if (driver.kind === 'employer') return (filters.employerKey ?? '').length <= 1;
  return false;
}

/** How many sort-index entries a walk reads before giving way to the seeks. */
const WALK_LIMIT = 2000;

/**
 * The sort index walked in page order from `from` (up to `bound`), the
 * filters checked on each entry's row, the membership test (staff, when
 * `covered`) on those that match, until `limit` hits. The walk reads at most
 * WALK_LIMIT entries: it answers when the page is full or the range ran out
 * before that, and `undefined` otherwise (the filter was rarer than it
 * looked, e.g. a letter few names start with) so the caller seeks instead.
 */
async function walkSortIndex(
  db: DbOrTx,
  tenantId: string,
  filters: DirectoryFilters,
  sortColumn: Column,
  walk: { minimum: number | undefined; covered?: readonly string[] | undefined; from: DirectoryHit | undefined; bound: DirectoryHit | undefined; limit: number },
): Promise<DirectoryHit[] | undefined> {
  const test = and(...conditions(db, filters, walk.minimum, { kind: 'none' })) ?? sql`1 = 1`;
  const entries = db
    .select({ personId: profiles.personId, sort: sql<string>`${sortColumn}`.as('sort'), ok: sql<number>`case when ${test} then 1 else 0 end`.as('ok') })
    .from(profiles)
    .where(and(eq(profiles.tenantId, tenantId), walk.from ? after(sortColumn, walk.from) : undefined, walk.bound ? before(sortColumn, walk.bound) : undefined))
    .orderBy(asc(sortColumn), asc(profiles.personId))
    // The LIMIT also keeps the walk a co-routine: it stops as soon as the page is full.
    .limit(WALK_LIMIT)
    .as('entries');
  const hits = (await db
    .select({ personId: entries.personId, sort: entries.sort })
    .from(entries)
    .where(and(eq(entries.ok, 1), walk.covered ? memberOf(db, entries.personId, walk.covered) : undefined))
    .limit(walk.limit)
    .all());
  if (hits.length === walk.limit) return hits;
  const read = (await db.select({ n: count() }).from(entries).get())?.n ?? 0;
  return read < WALK_LIMIT ? hits : undefined;
}

/**
 * The reader's own profile when it matches the filters (every field of it is
 * theirs to search): one primary-key read, the sort key only checked on the
 * row (PostgreSQL would otherwise weigh seeking the sort index instead).
 */
function ownRow(db: DbOrTx, reader: DirectoryReader, filters: DirectoryFilters, sortColumn: Column, from: DirectoryHit | undefined, bound: DirectoryHit | undefined) {
  const sortKey = unindexedText(db, sortColumn);
  return db
    .select({ personId: profiles.personId, sort: sql<string>`${sortColumn}`.as('sort') })
    .from(profiles)
    .where(
      and(
        eq(profiles.personId, reader.personId),
        eq(profiles.tenantId, reader.tenantId),
        ...conditions(db, filters, undefined, { kind: 'none' }),
        from ? after(sortKey, from) : undefined,
        bound ? before(sortKey, bound) : undefined,
      ),
    );
}

/** A part of the seeks' union: its hits, each with the part's number (a literal, so that PostgreSQL knows its type). */
const tagged = (db: DbOrTx, hits: SubqueryWithSelection<{ personId: typeof profiles.personId; sort: SQL.Aliased<string> }, string>, part: number) =>
  db.select({ personId: hits.personId, sort: hits.sort, part: sql<number>`${sql.raw(String(part))}`.as('part') }).from(hits);

/**
 * The review queue: profiles with an open duplicate flag, whichever side of it
 * they are on. Staff see only the members of their entities (every field of
 * theirs), admins every one.
 */
async function flaggedHits(db: DbOrTx, reader: DirectoryReader, filters: DirectoryFilters, from: DirectoryHit | undefined, limit: number): Promise<DirectoryHit[]> {
  const sortColumn = reader.sortBy === 'network' ? profiles.sortNetwork : profiles.sortPublic;
  const seesAll = reader.admin
    ? undefined
    : or(
        eq(profiles.personId, reader.personId),
        reader.coveredEntityIds.length > 0 ? memberOf(db, profiles.personId, reader.coveredEntityIds) : undefined,
      );
  return await db
    .select({ personId: profiles.personId, sort: sortColumn })
    .from(profiles)
    .where(
      and(
        eq(profiles.tenantId, reader.tenantId),
        exists(
          db
            .select({ one: sql`1` })
            .from(profileDuplicateFlags)
            // On either side: a flag concerns both people, so each one's staff review it (issue 18).
            .where(
              and(
                or(eq(profileDuplicateFlags.personId, profiles.personId), eq(profileDuplicateFlags.otherPersonId, profiles.personId)),
                isNull(profileDuplicateFlags.resolvedAt),
              ),
            ),
        ),
        // On the rows they review, staff and admins read every field.
        ...conditions(db, filters, undefined, { kind: 'none' }),
        seesAll,
        from ? after(sortColumn, from) : undefined,
      ),
    )
    .orderBy(asc(sortColumn), asc(profiles.personId))
    .limit(limit)
    .all();
}
