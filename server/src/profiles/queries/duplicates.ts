/** Possible duplicate profiles, flagged for staff review. */
import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { DuplicateFlag } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { profileDuplicateFlags, profiles } from '../../db/tables/index.ts';
import type { ProfileRow } from './profiles.ts';
import { query } from '../../db/transaction.ts';

export type DuplicateReason = 'email' | 'nameYearProgramme';

/** Open duplicate flags involving each person, on either side of the flag, from that person's side (`otherProfileId`: the other one). */
export function reviewFlagsOf(db: DbOrTx, tenantId: string, personIds: readonly string[]): Promise<Map<string, DuplicateFlag[]>> {
  return query(db, async (db) => {
    const map = new Map<string, DuplicateFlag[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return map;
    const ids = [...personIds];
    const rows = (await db
      .select()
      .from(profileDuplicateFlags)
      .where(
        and(
          eq(profileDuplicateFlags.tenantId, tenantId),
          isNull(profileDuplicateFlags.resolvedAt),
          or(inArray(profileDuplicateFlags.personId, ids), inArray(profileDuplicateFlags.otherPersonId, ids)),
        ),
      )
      .all());
    for (const r of rows) {
      const entry = (mine: string, other: string) => map.get(mine)?.push({ id: r.id, otherProfileId: other, reason: r.reason, createdAt: r.createdAt });
      entry(r.personId, r.otherPersonId);
      entry(r.otherPersonId, r.personId);
    }
    return map;
  });
}

/** Up to 20 other profiles of the tenant with the same primary email (lowercased). */
export function profilesWithPrimaryEmail(db: DbOrTx, row: Pick<ProfileRow, 'tenantId' | 'personId'>, primaryEmail: string): Promise<{ personId: string }[]> {
  return query(db, (db) => others(db, row, eq(profiles.primaryEmail, primaryEmail)));
}

/** Up to 20 other profiles of the tenant with the same name keys, graduation year and programme. */
export function profilesWithNameYearProgramme(
  db: DbOrTx,
  row: Pick<ProfileRow, 'tenantId' | 'personId'>,
  match: { familyKey: string; givenKey: string; graduationYear: number; programme: string },
): Promise<{ personId: string }[]> {
  return query(db, (db) => {
    return others(
      db,
      row,
      and(
        eq(profiles.familyKey, match.familyKey),
        eq(profiles.givenKey, match.givenKey),
        eq(profiles.graduationYear, match.graduationYear),
        eq(profiles.programme, match.programme),
      ),
    );
  });
}

function others(db: DbOrTx, row: Pick<ProfileRow, 'tenantId' | 'personId'>, condition: ReturnType<typeof and>) {
  return db
    .select({ personId: profiles.personId })
    .from(profiles)
    .where(and(eq(profiles.tenantId, row.tenantId), ne(profiles.personId, row.personId), condition))
    .limit(20)
    .all();
}

/**
 * Records a flag, unless the pair already has one for this reason, open or
 * resolved, in either direction: a flag shows on both profiles, so the other
 * person's change must not raise its twin, nor bring back a pair staff
 * decided were two people.
 */
export function insertDuplicateFlag(
  tx: DbOrTx,
  flag: { tenantId: string; personId: string; otherPersonId: string; reason: DuplicateReason; createdAt: string },
): Promise<void> {
  return query(tx, async (tx) => {
    const twin = await tx
      .select({ id: profileDuplicateFlags.id })
      .from(profileDuplicateFlags)
      .where(
        and(
          eq(profileDuplicateFlags.tenantId, flag.tenantId),
          eq(profileDuplicateFlags.personId, flag.otherPersonId),
          eq(profileDuplicateFlags.otherPersonId, flag.personId),
          eq(profileDuplicateFlags.reason, flag.reason),
        ),
      )
      .get();
    if (twin === undefined) await tx.insert(profileDuplicateFlags).values(flag).onConflictDoNothing().run();
  });
}

/** Deletes every flag involving the person, on either side. */
export function deleteDuplicateFlagsOf(tx: DbOrTx, tenantId: string, personId: string): Promise<void> {
  return query(tx, async (tx) => {
    await tx.delete(profileDuplicateFlags)
      .where(and(eq(profileDuplicateFlags.tenantId, tenantId), or(eq(profileDuplicateFlags.personId, personId), eq(profileDuplicateFlags.otherPersonId, personId))))
      .run();
  });
}

export type DuplicateFlagRow = typeof profileDuplicateFlags.$inferSelect;

/** One flag of the tenant involving the person, on either side (open or resolved). */
export function findDuplicateFlagOf(db: DbOrTx, tenantId: string, personId: string, flagId: string): Promise<DuplicateFlagRow | undefined> {
  return query(db, (db) => {
    return db
      .select()
      .from(profileDuplicateFlags)
      .where(
        and(
          eq(profileDuplicateFlags.tenantId, tenantId),
          eq(profileDuplicateFlags.id, flagId),
          or(eq(profileDuplicateFlags.personId, personId), eq(profileDuplicateFlags.otherPersonId, personId)),
        ),
      )
      .get();
  });
}

/** Marks an open flag resolved; false when it was already resolved (nothing changes). */
export function resolveDuplicateFlag(tx: DbOrTx, tenantId: string, flagId: string, at: string): Promise<boolean> {
  return query(tx, async (tx) => {
    const done = (await tx
      .update(profileDuplicateFlags)
      .set({ resolvedAt: at })
      .where(and(eq(profileDuplicateFlags.tenantId, tenantId), eq(profileDuplicateFlags.id, flagId), isNull(profileDuplicateFlags.resolvedAt)))
      .returning({ id: profileDuplicateFlags.id })
      .all());
    return done.length > 0;
  });
}
