import { desc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { devOutbox } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export function insertOutboxMail(db: DbOrTx, values: { to: string; subject: string; body: string; createdAt: string }): Promise<void> {
  return query(db, async (db) => {
    await db.insert(devOutbox).values(values).run();
  });
}

/** The newest mail of the dev outbox. */
export function listOutboxMail(db: DbOrTx, limit: number) {
  return query(db, (db) => db.select().from(devOutbox).orderBy(desc(devOutbox.createdAt)).limit(limit).all());
}
