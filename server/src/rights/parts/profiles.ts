import { profileFieldKeys, type ProfileFieldKey, type VisibilityLevel } from '@passerelle/schema';
import { deleteProfile, findProfile, updateProfile } from '../../profiles/queries/profiles.ts';
import { deleteDuplicateFlagsOf } from '../../profiles/queries/duplicates.ts';
import { derivedColumns, fieldsOf, visibilityOf } from '../../profiles/document.ts';
import type { ExportContributor } from '../export-parts.ts';
import type { ErasureHook } from '../erasure-hooks.ts';

/** The person's profile: their fields, who may see each, and when they last confirmed it. */
export const profileExport: ExportContributor = async (tx, tenantId, personId) => {
  const row = await findProfile(tx, tenantId, personId);
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
  atOnce: async (tx, ctx) => {
    const row = await findProfile(tx, ctx.tenantId, ctx.personId);
    if (!row) return 'no profile';
    const hidden = Object.fromEntries(profileFieldKeys.map((k) => [k, 'private'])) as Record<ProfileFieldKey, VisibilityLevel>;
    await updateProfile(tx, ctx.tenantId, ctx.personId, {
      visibility: hidden,
      ...derivedColumns(fieldsOf(row), hidden),
      version: row.version + 1,
      updatedAt: ctx.at,
      updatedBy: ctx.actorId,
    });
    return 'hidden from the directory';
  },
  onProcess: async (tx, ctx) => {
    await deleteDuplicateFlagsOf(tx, ctx.tenantId, ctx.personId);
    return await deleteProfile(tx, ctx.tenantId, ctx.personId) > 0 ? 'deleted' : 'no profile';
  },
};
