import { and, asc, eq } from 'drizzle-orm';
import type { PurposeCreate, PurposeVersionContent, PurposeVersionView, PurposeView } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { entities, purposeVersions, purposes } from '../db/tables/index.ts';
import { versionHash } from './version.ts';

const versionColumns = {
  id: purposeVersions.id,
  hash: purposeVersions.hash,
  title: purposeVersions.title,
  description: purposeVersions.description,
  legalBasis: purposeVersions.legalBasis,
  channels: purposeVersions.channels,
  createdAt: purposeVersions.createdAt,
};

/** A purpose with its current text, as the API shows it. */
export interface PurposeRow extends PurposeView {
  revision: number;
}

function purposeQuery(db: DbOrTx) {
  return db
    .select({
      id: purposes.id,
      key: purposes.key,
      retentionMonths: purposes.retentionMonths,
      revision: purposes.revision,
      entityId: entities.id,
      entityName: entities.name,
      version: versionColumns,
    })
    .from(purposes)
    .innerJoin(entities, eq(entities.id, purposes.entityId))
    .innerJoin(purposeVersions, eq(purposeVersions.id, purposes.currentVersionId));
}

type Raw = Awaited<ReturnType<ReturnType<typeof purposeQuery>['all']>>[number];
const shape = (r: Raw): PurposeRow => ({
  id: r.id,
  key: r.key,
  entity: { id: r.entityId, name: r.entityName },
  retentionMonths: r.retentionMonths,
  revision: r.revision,
  version: r.version,
});

/** Every purpose of the tenant with its current text, by key. */
export function listPurposes(db: DbOrTx, tenantId: string): PurposeRow[] {
  return purposeQuery(db).where(eq(purposes.tenantId, tenantId)).orderBy(asc(purposes.key)).all().map(shape);
}

export function findPurpose(db: DbOrTx, tenantId: string, by: { key: string } | { id: string }): PurposeRow | undefined {
  const match = 'key' in by ? eq(purposes.key, by.key) : eq(purposes.id, by.id);
  const row = purposeQuery(db).where(and(eq(purposes.tenantId, tenantId), match)).get();
  return row ? shape(row) : undefined;
}

/** Every text the purpose had, oldest first. */
export function listVersions(db: DbOrTx, tenantId: string, purposeId: string): PurposeVersionView[] {
  return db
    .select(versionColumns)
    .from(purposeVersions)
    .where(and(eq(purposeVersions.tenantId, tenantId), eq(purposeVersions.purposeId, purposeId)))
    .orderBy(asc(purposeVersions.createdAt))
    .all();
}

/**
 * The version row for this content: the existing one when the same text was
 * already published (going back to an older text reuses its version), else a new one.
 */
export function ensureVersion(tx: DbOrTx, tenantId: string, purposeId: string, content: PurposeVersionContent, at: string): { id: string; hash: string; created: boolean } {
  const hash = versionHash(content);
  const found = tx
    .select({ id: purposeVersions.id })
    .from(purposeVersions)
    .where(and(eq(purposeVersions.tenantId, tenantId), eq(purposeVersions.purposeId, purposeId), eq(purposeVersions.hash, hash)))
    .get();
  if (found) return { id: found.id, hash, created: false };
  const row = tx
    .insert(purposeVersions)
    .values({ tenantId, purposeId, hash, title: content.title, description: content.description, legalBasis: content.legalBasis, channels: content.channels, createdAt: at })
    .returning({ id: purposeVersions.id })
    .get();
  return { id: row.id, hash, created: true };
}

/** Creates a purpose and its first version (inside the caller's transaction). */
export function insertPurpose(tx: DbOrTx, tenantId: string, input: PurposeCreate, at: string): string {
  const purposeId = crypto.randomUUID();
  // The purpose row needs its current version and the version its purpose:
  // insert the purpose pointing at a version id chosen in advance.
  const versionId = crypto.randomUUID();
  tx.insert(purposes)
    .values({ id: purposeId, tenantId, key: input.key, entityId: input.entityId, retentionMonths: input.retentionMonths, currentVersionId: versionId, createdAt: at, updatedAt: at })
    .run();
  const content = { title: input.title, description: input.description, legalBasis: input.legalBasis, channels: input.channels };
  tx.insert(purposeVersions)
    .values({ id: versionId, tenantId, purposeId, hash: versionHash(content), ...content, createdAt: at })
    .run();
  return purposeId;
}
