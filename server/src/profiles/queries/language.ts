import { and, eq, sql } from 'drizzle-orm';
import type { Language } from '@passerelle/schema/messages';
import type { DbOrTx } from '../../db/open.ts';
import { profiles } from '../../db/tables/index.ts';
import { prepareOnce } from '../../db/prepare-once.ts';
import { query } from '../../db/transaction.ts';

const languageOf = prepareOnce((db) =>
  db
    .select({ language: profiles.preferredLanguage })
    .from(profiles)
    .where(and(eq(profiles.tenantId, sql.placeholder('tenantId')), eq(profiles.personId, sql.placeholder('personId'))))
    .prepare(),
);

/** The language a person chose in their profile, or undefined when they have no profile. */
export function preferredLanguageOf(db: DbOrTx, tenantId: string, personId: string): Promise<Language | undefined> {
  return query(db, async (db) => (await languageOf(db).get({ tenantId, personId }))?.language);
}
