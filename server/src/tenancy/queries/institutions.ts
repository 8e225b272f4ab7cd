import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { prepareOnce } from '../../db/prepare-once.ts';
import { hostKeys, institutions } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

const institutionColumns = { id: institutions.id, slug: institutions.slug, name: institutions.name };

/** An institution by id: what a signed-in person is shown of their tenant. */
export function findInstitution(db: DbOrTx, tenantId: string) {
  return query(db, (db) => db.select(institutionColumns).from(institutions).where(eq(institutions.id, tenantId)).get());
}

/** An institution by slug (the identity token's issuer, the sign-in form's tenant, the CLI's argument). */
export function findInstitutionBySlug(db: DbOrTx, slug: string) {
  return query(db, (db) => {
    return db
      .select({ ...institutionColumns, allowedOrigins: institutions.allowedOrigins })
      .from(institutions)
      .where(eq(institutions.slug, slug))
      .get();
  });
}

/** The exact origins an institution registered, or undefined when there is no such institution. */
export function institutionOrigins(db: DbOrTx, tenantId: string): Promise<string[] | undefined> {
  return query(db, async (db) => (await originsOf(db).get({ tenantId }))?.allowedOrigins);
}

const originsOf = prepareOnce((db) =>
  db.select({ allowedOrigins: institutions.allowedOrigins }).from(institutions).where(eq(institutions.id, sql.placeholder('tenantId'))).prepare(),
);

/** Every institution's registered origins (for CORS, which runs before any tenant is known). */
export function listAllInstitutionOrigins(db: DbOrTx): Promise<string[][]> {
  return query(db, async (db) => {
    return (await allOrigins(db)
      .all())
      .map((r) => r.allowedOrigins);
  });
}

const allOrigins = prepareOnce((db) => db.select({ allowedOrigins: institutions.allowedOrigins }).from(institutions).prepare());

/** Every institution with its origins and how many live host keys it has, by slug: `tenant list`. */
export function listInstitutionsWithKeyCounts(db: DbOrTx) {
  return query(db, (db) => {
    return db
      .select({ slug: institutions.slug, name: institutions.name, allowedOrigins: institutions.allowedOrigins, keys: sql<number>`count(${hostKeys.id})` })
      .from(institutions)
      .leftJoin(hostKeys, and(eq(hostKeys.tenantId, institutions.id), isNull(hostKeys.revokedAt)))
      .groupBy(institutions.id)
      .orderBy(institutions.slug)
      .all();
  });
}

export function insertInstitution(db: DbOrTx, values: { slug: string; name: string; allowedOrigins: string[]; createdAt: string }): Promise<string> {
  return query(db, async (db) => (await db.insert(institutions).values(values).returning({ id: institutions.id }).get()).id);
}

export function setInstitutionOrigins(db: DbOrTx, tenantId: string, origins: string[]): Promise<void> {
  return query(db, async (db) => {
    await db.update(institutions).set({ allowedOrigins: origins }).where(eq(institutions.id, tenantId)).run();
  });
}
