import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type DemoSubject } from '../testing.ts';
import { loadActor } from '../auth/session.ts';
import { auditLog, companies, memberships } from '../db/tables/index.ts';
import type { Call } from '../call.ts';
import { requestCompany, approveRequest } from './requests.ts';
import { editCompany } from './update.ts';
import { readCompany } from './reads.ts';
import { companyEtag } from './view.ts';

describe('company use cases, called without HTTP', () => {
  it('a company asked for, approved and edited: statuses, membership and audit entries as through the routes', async () => {
    const t = testApp();
    const deps = { db: t.db };
    const callAs = async (sub: DemoSubject & keyof typeof t.ids.demo.people): Promise<Call> => ({
      actor: await loadActor(t.db, t.ids.demo.tenantId, t.ids.demo.people[sub]),
      tenantSlug: 'demo',
      who: { tenantId: t.ids.demo.tenantId, actorId: t.ids.demo.people[sub], origin: 'use-case test', at: t.clock.now().toISOString() },
    });
    const asked = await requestCompany(deps, await callAs('alumna-claire'), { company: { name: 'Ateliers Durand', siret: '55212022200013' } });
    expect(asked).toMatchObject({ kind: 'create', status: 'pending', company: { name: 'Ateliers Durand', status: 'pending' } });
    // Not yet verified: another student cannot see it.
    await expect(readCompany(deps, await callAs('student-ines'), { id: asked.company.id })).rejects.toMatchObject({ said: { code: 'company.notFound' } });

    expect(await approveRequest(deps, await callAs('staff-eng'), { id: asked.id })).toMatchObject({ status: 'approved', company: { status: 'active' } });
    const rep = (await t.db.select().from(memberships).where(and(eq(memberships.personId, t.ids.demo.people['alumna-claire']), eq(memberships.companyId, asked.company.id))).get());
    expect(rep?.role).toBe('company_rep');

    const claire = await callAs('alumna-claire');
    const current = await readCompany(deps, claire, { id: asked.company.id });
    const edited = await editCompany(deps, claire, { id: current.id, patch: { website: 'https://durand.example' }, ifMatch: companyEtag(current) });
    expect(edited.website).toBe('https://durand.example');
    expect((await t.db.select().from(companies).where(eq(companies.id, current.id)).get())?.website).toBe('https://durand.example');
    // The ETag read before the edit is stale now: nothing more is written.
    await expect(editCompany(deps, claire, { id: current.id, patch: { name: 'Durand' }, ifMatch: companyEtag(current) })).rejects.toMatchObject({ said: { code: 'company.changed' } });

    const audit = (await t.db.select().from(auditLog).where(eq(auditLog.origin, 'use-case test')).all());
    expect(audit.map((a) => a.action).sort()).toEqual(['company.edit', 'company.request.approve', 'company.request.create']);
  });
});
