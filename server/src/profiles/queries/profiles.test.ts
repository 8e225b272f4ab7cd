import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { memberships } from '../../db/tables/index.ts';
import { testApp } from '../../testing.ts';
import { changedColumns, findProfile, findProfileWithEntityIds, updateProfileAtVersion, type ProfileRewrite } from './profiles.ts';

describe('findProfileWithEntityIds', () => {
  it('reads the profile and every entity its owner belongs to, none for a company membership', async () => {
    const t = testApp();
    const { tenantId, entities, companies, people } = t.ids.demo;
    const claire = people['alumna-claire'];
    const at = '2026-01-01T00:00:00.000Z';
    await t.db.insert(memberships).values({ id: crypto.randomUUID(), tenantId, personId: claire, role: 'alumnus', entityId: entities.alumni, createdAt: at }).run();
    await t.db.insert(memberships).values({ id: crypto.randomUUID(), tenantId, personId: claire, role: 'company_rep', entityId: null, companyId: companies.acme, createdAt: at }).run();
    const stored = await t.db.select({ entityId: memberships.entityId }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, claire))).all();
    const expected = stored.flatMap((m) => (m.entityId ? [m.entityId] : [])).sort();
    expect(expected).toContain(entities.alumni);
    expect(expected.length).toBeGreaterThanOrEqual(2);

    const found = await findProfileWithEntityIds(t.db, tenantId, claire);
    expect(found?.row).toEqual(await findProfile(t.db, tenantId, claire));
    expect([...found!.entityIds].sort()).toEqual(expected);
    // Someone of another institution, or nobody: nothing.
    expect(await findProfileWithEntityIds(t.db, t.ids.other.tenantId, claire)).toBeUndefined();
    expect(await findProfileWithEntityIds(t.db, tenantId, crypto.randomUUID())).toBeUndefined();
  });

  it('answers an empty list for someone of no entity', async () => {
    const t = testApp();
    const { tenantId, people } = t.ids.demo;
    const ines = people['student-ines'];
    await t.db.update(memberships).set({ entityId: null }).where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, ines))).run();
    expect((await findProfileWithEntityIds(t.db, tenantId, ines))?.entityIds).toEqual([]);
  });
});

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
