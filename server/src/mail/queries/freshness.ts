import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { mailOutbox, people, profiles } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** People with a sign-in address whose profile was last confirmed (or changed by them, or created) before `before`. */
export function staleProfiles(db: DbOrTx, tenantId: string, before: string): Promise<string[]> {
  return query(db, async (db) =>
    (await db
      .select({ personId: profiles.personId })
      .from(profiles)
      .innerJoin(people, eq(people.id, profiles.personId))
      .where(and(eq(profiles.tenantId, tenantId), isNotNull(people.email), lt(sql`coalesce(${profiles.confirmedAt}, ${profiles.ownerUpdatedAt}, ${profiles.createdAt})`, before)))
      .all())
      .map((r) => r.personId),
  );
}

/** How many optional messages (reminders, digests, campaigns) were queued to a person since `since`: what their solicitation cap counts. */
export function optionalMailSince(db: DbOrTx, tenantId: string, personId: string, since: string): Promise<number> {
  return query(db, async (db) =>
    (await db
      .select({ n: sql<number>`count(*)` })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.tenantId, tenantId), eq(mailOutbox.personId, personId), eq(mailOutbox.transactional, false), gte(mailOutbox.createdAt, since)))
      .get())!.n,
  );
}
