import { describe, expect, it } from 'vitest';
import { testApp } from '../../testing.ts';
import { changedColumns, findProfile, updateProfileAtVersion, type ProfileRewrite } from './profiles.ts';

describe('updateProfileAtVersion', () => {
  it('sets only the columns that change, and nothing once the profile moved on', async () => {
    const t = testApp();
    const current = (await findProfile(t.db, t.ids.demo.tenantId, t.ids.demo.people['alumna-claire']))!;
    const { tenantId: _t, personId: _p, createdAt: _c, confirmedAt: _f, ...rest } = current;
    // The whole row written again, as a save does: one field changed, the JSON ones as new objects of the same content.
    const columns: ProfileRewrite = { ...rest, visibility: structuredClone(current.visibility), jobTitle: 'Ingénieure qualité', version: current.version + 1, updatedAt: '2026-12-04T11:00:00.000Z' };
    expect(Object.keys(changedColumns(current, columns)).sort()).toEqual(['jobTitle', 'updatedAt', 'version']);

    const after = await updateProfileAtVersion(t.db, current, columns);
    expect([after?.jobTitle, after?.familyName, after?.version, after?.sortPublic]).toEqual(['Ingénieure qualité', current.familyName, current.version + 1, current.sortPublic]);
    // Saved from the same version again: someone changed it first.
    expect(await updateProfileAtVersion(t.db, current, { ...columns, jobTitle: 'Autre' })).toBeUndefined();
    expect((await findProfile(t.db, current.tenantId, current.personId))?.jobTitle).toBe('Ingénieure qualité');
  });
});
