import type { PurposeCreate, PurposeVersionContent, PurposeView } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { findPurposeRecord, findVersionByHash, insertPurposeRow, insertPurposeVersion, listPurposeRecords, type PurposeRecord } from './queries/purposes.ts';
import { versionHash } from '../consents/version.ts';

/** A purpose with its current text, as the API shows it. */
export interface PurposeRow extends PurposeView {
  revision: number;
}

const shape = (r: PurposeRecord): PurposeRow => ({
  id: r.id,
  key: r.key,
  entity: { id: r.entityId, name: r.entityName },
  retentionMonths: r.retentionMonths,
  revision: r.revision,
  version: r.version,
});

/** A purpose's ETag: its revision, bumped by every edit. */
export const purposeEtag = (p: PurposeRow): string => `"${p.id}.${p.revision}"`;

/** A purpose as the API answers it (without its revision, which the ETag carries). */
export const purposeView = ({ revision: _revision, ...p }: PurposeRow): PurposeView => p;

/** Every purpose of the tenant with its current text, by key. */
export async function listPurposes(db: DbOrTx, tenantId: string): Promise<PurposeRow[]> {
  return (await listPurposeRecords(db, tenantId)).map(shape);
}

export async function findPurpose(db: DbOrTx, tenantId: string, by: { key: string } | { id: string }): Promise<PurposeRow|undefined> {
  const row = await findPurposeRecord(db, tenantId, by);
  return row ? shape(row) : undefined;
}

/**
 * The version row for this content: the existing one when the same text was
 * already published (going back to an older text reuses its version), else a new one.
 */
export async function ensureVersion(tx: DbOrTx, tenantId: string, purposeId: string, content: PurposeVersionContent, at: string): Promise<{ id: string; hash: string; created: boolean; }> {
  const hash = versionHash(content);
  const found = await findVersionByHash(tx, tenantId, purposeId, hash);
  if (found) return { id: found.id, hash, created: false };
  const row = await insertPurposeVersion(tx, { tenantId, purposeId, hash, title: content.title, description: content.description, legalBasis: content.legalBasis, channels: content.channels, createdAt: at });
  return { id: row.id, hash, created: true };
}

/** Creates a purpose and its first version (inside the caller's transaction). */
export async function insertPurpose(tx: DbOrTx, tenantId: string, input: PurposeCreate, at: string): Promise<string> {
  const purposeId = crypto.randomUUID();
  // The purpose row needs its current version and the version its purpose:
  // insert the purpose pointing at a version id chosen in advance.
  const versionId = crypto.randomUUID();
  await insertPurposeRow(tx, { id: purposeId, tenantId, key: input.key, entityId: input.entityId, retentionMonths: input.retentionMonths, currentVersionId: versionId, createdAt: at, updatedAt: at });
  const content = { title: input.title, description: input.description, legalBasis: input.legalBasis, channels: input.channels };
  await insertPurposeVersion(tx, { id: versionId, tenantId, purposeId, hash: versionHash(content), ...content, createdAt: at });
  return purposeId;
}
