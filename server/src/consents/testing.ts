/**
 * For tests: the hash of a purpose's current text, which every consent choice
 * names (`PUT /v1/consents/:purpose` refuses a choice without it).
 */
import { and, eq } from 'drizzle-orm';
import type { TestApp } from '../testing.ts';
import { purposeVersions, purposes } from '../db/tables/index.ts';

export async function versionOf(t: Pick<TestApp, 'db' | 'ids'>, purposeKey: string, tenant: 'demo' | 'other' = 'demo'): Promise<string> {
  const row = (await t.db
    .select({ hash: purposeVersions.hash })
    .from(purposes)
    .innerJoin(purposeVersions, eq(purposeVersions.id, purposes.currentVersionId))
    .where(and(eq(purposes.tenantId, t.ids[tenant].tenantId), eq(purposes.key, purposeKey)))
    .get());
  if (!row) throw new Error(`no purpose ${purposeKey} in ${tenant}`);
  return row.hash;
}
