import { and, eq, or } from 'drizzle-orm';
import { profileFieldKeys, type ProfileFieldKey, type VisibilityLevel } from '@passerelle/schema';
import { profileDuplicateFlags, profiles } from '../../db/tables/index.ts';
import { derivedColumns, fieldsOf, visibilityOf } from '../../profiles/document.ts';
import type { ExportContributor } from '../export-parts.ts';
import type { ErasureHook } from '../erasure-hooks.ts';

/** The person's profile: their fields, who may see each, and when they last confirmed it. */
export const profileExport: ExportContributor = (tx, tenantId, personId) => {
  const row = tx.select().from(profiles).where(and(eq(profiles.tenantId, tenantId), eq(profiles.personId, personId))).get();
  // Search keys, ranks and sort keys are derived from the fields: nothing more about the person.
  const rows = row
    ? [{ ...fieldsOf(row), visibility: visibilityOf(row.visibility), confirmedAt: row.confirmedAt, createdAt: row.createdAt, updatedAt: row.updatedAt }]
    : [];
  return { name: 'profile', rows };
};

/**
 * At once: every field private, so that the directory (which lists only what
 * the network or the public may read) no longer finds the person. The
 * derived columns are recomputed with the profiles area's own function.
 * When staff process the request: the profile and its duplicate flags go.
 */
export const profileErasure: ErasureHook = {
  name: 'profile',
  atOnce: (tx, ctx) => {
    const row = tx.select().from(profiles).where(and(eq(profiles.tenantId, ctx.tenantId), eq(profiles.personId, ctx.personId))).get();
    if (!row) return 'no profile';
    const hidden = Object.fromEntries(profileFieldKeys.map((k) => [k, 'private'])) as Record<ProfileFieldKey, VisibilityLevel>;
    tx.update(profiles)
      .set({ visibility: hidden, ...derivedColumns(fieldsOf(row), hidden), version: row.version + 1, updatedAt: ctx.at, updatedBy: ctx.actorId })
      .where(and(eq(profiles.tenantId, ctx.tenantId), eq(profiles.personId, ctx.personId)))
      .run();
    return 'hidden from the directory';
  },
  onProcess: (tx, ctx) => {
    tx.delete(profileDuplicateFlags)
      .where(and(eq(profileDuplicateFlags.tenantId, ctx.tenantId), or(eq(profileDuplicateFlags.personId, ctx.personId), eq(profileDuplicateFlags.otherPersonId, ctx.personId))))
      .run();
    const deleted = tx.delete(profiles).where(and(eq(profiles.tenantId, ctx.tenantId), eq(profiles.personId, ctx.personId))).run();
    return deleted.changes > 0 ? 'deleted' : 'no profile';
  },
};
