import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { idempotencyKeys } from '../../db/tables/index.ts';
import { prepareOnce } from '../../db/prepare-once.ts';
import { query } from '../../db/transaction.ts';

export interface IdempotencyKeyRef {
  tenantId: string;
  personId: string;
  key: string;
}

/** The reply stored under a person's key, whatever its age. */
export function findIdempotencyKey(db: DbOrTx, ref: IdempotencyKeyRef) {
  return query(db, (db) => keyOf(db).get({ tenantId: ref.tenantId, personId: ref.personId, key: ref.key }));
}

// Every idempotent write runs these three: built and prepared once (db/prepare-once.ts).
const byKey = and(eq(idempotencyKeys.tenantId, sql.placeholder('tenantId')), eq(idempotencyKeys.personId, sql.placeholder('personId')), eq(idempotencyKeys.key, sql.placeholder('key')));
const keyOf = prepareOnce((db) => idempotencyKeyLookup(db).prepare());

/** The statement of {@link findIdempotencyKey}, with `tenantId`, `personId` and `key` as placeholders (exported for its query-plan test). */
export function idempotencyKeyLookup(db: DbOrTx) {
  return db
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, body: idempotencyKeys.body, location: idempotencyKeys.location, createdAt: idempotencyKeys.createdAt })
    .from(idempotencyKeys)
    .where(byKey);
}

/** Deletes a person's keys created before `cutoff` (a prefix of the primary key: cheap). */
export function purgeIdempotencyKeysBefore(db: DbOrTx, tenantId: string, personId: string, cutoff: string): Promise<void> {
  return query(db, async (db) => {
    await keysBefore(db).run({ tenantId, personId, cutoff });
  });
}

const keysBefore = prepareOnce((db) =>
  db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tenantId, sql.placeholder('tenantId')), eq(idempotencyKeys.personId, sql.placeholder('personId')), lt(idempotencyKeys.createdAt, sql.placeholder('cutoff'))))
    .prepare(),
);

/** Stores a reply; false when the key was already taken (by a concurrent request). */
export function insertIdempotencyKey(
  db: DbOrTx,
  values: IdempotencyKeyRef & { requestHash: string; status: number; body: string; location: string | null; createdAt: string },
): Promise<boolean> {
  return query(db, async (db) => (await keyInsert(db).run({ ...values })).changes > 0);
}

const keyInsert = prepareOnce((db) =>
  db
    .insert(idempotencyKeys)
    .values({
      tenantId: sql.placeholder('tenantId'),
      personId: sql.placeholder('personId'),
      key: sql.placeholder('key'),
      requestHash: sql.placeholder('requestHash'),
      status: sql.placeholder('status'),
      body: sql.placeholder('body'),
      location: sql.placeholder('location'),
      createdAt: sql.placeholder('createdAt'),
    })
    .onConflictDoNothing()
    .prepare(),
);
