import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { entities } from '../../db/tables/index.ts';
import { testApp } from '../../testing.ts';
import { findBeneficiary, findFoundation } from './lookups.ts';

// Kept in memory between pledges, and read again once the entities changed.
describe('the entities a pledge names', () => {
  it('are found as stored, including one added or removed since the last pledge', async () => {
    const t = testApp();
    const tenantId = t.ids.demo.tenantId;
    expect((await findFoundation(t.db, tenantId))?.id).toBe(t.ids.demo.entities.foundation);
    const school = t.ids.demo.entities.engineering;
    expect((await findBeneficiary(t.db, tenantId, school))?.id).toBe(school);

    const id = crypto.randomUUID();
    await t.db.insert(entities).values({ id, tenantId, parentId: t.ids.demo.entities.university, kind: 'school', name: 'École de design', uai: '0690000Z' }).run();
    // With what a pledge's answer and acknowledgement name (no read of the pledge back: pledges/create.ts).
    expect(await findBeneficiary(t.db, tenantId, id)).toEqual({ id, name: 'École de design', uai: '0690000Z', siret: null });
    // A second foundation whose name comes first is the tenant's foundation now.
    const first = crypto.randomUUID();
    await t.db.insert(entities).values({ id: first, tenantId, kind: 'foundation', name: 'A Fondation' }).run();
    expect(await findFoundation(t.db, tenantId)).toEqual({ id: first, name: 'A Fondation', uai: null, siret: null });
    await t.db.delete(entities).where(eq(entities.id, first)).run();
    expect((await findFoundation(t.db, tenantId))?.id).toBe(t.ids.demo.entities.foundation);
    // Renamed: the next pledge names it so.
    await t.db.update(entities).set({ name: 'École de design et d’architecture' }).where(eq(entities.id, id)).run();
    expect((await findBeneficiary(t.db, tenantId, id))?.name).toBe('École de design et d’architecture');
    expect(await findBeneficiary(t.db, tenantId, crypto.randomUUID())).toBeUndefined();
  });
});
