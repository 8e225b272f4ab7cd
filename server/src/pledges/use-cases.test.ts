import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { sampleTaxPledgeBody, testApp, type DemoSubject } from '../testing.ts';
import { testConfig } from '../env.ts';
import { loadActor } from '../auth/session.ts';
import { auditLog } from '../db/tables/index.ts';
import type { Call } from '../call.ts';
import type { Deps } from '../context.ts';
import { createPledge } from './create.ts';
import { allocatePledge, receivePledge } from './status.ts';

describe('pledge use cases, called without HTTP', () => {
  it('a tax pledge made, allocated and received: versions, statuses and audit entries as through the routes', async () => {
    const t = testApp();
    const deps: Deps = { db: t.db, clock: t.clock, mailer: { send: async () => {} }, config: testConfig(), lookup: t.lookup };
    const callAs = async (sub: DemoSubject & keyof typeof t.ids.demo.people): Promise<Call> => ({
      actor: await loadActor(t.db, t.ids.demo.tenantId, t.ids.demo.people[sub]),
      tenantSlug: 'demo',
      who: { tenantId: t.ids.demo.tenantId, actorId: t.ids.demo.people[sub], origin: 'use-case test', at: t.clock.now().toISOString() },
    });
    const made = await createPledge(deps, (await callAs('rep-acme')), sampleTaxPledgeBody(t.ids));
    expect(made).toMatchObject({ pledge: { status: 'promised', kind: 'apprenticeship_tax' }, etag: '"v1"' });
    const id = made.pledge.id;
    expect(await allocatePledge(deps, (await callAs('rep-acme')), { id })).toMatchObject({ pledge: { status: 'allocated' }, etag: '"v2"' });
    const received = receivePledge(deps, (await callAs('staff-eng')), { id, receivedOn: '2026-05-20' });
    expect(await received).toMatchObject({ pledge: { status: 'received', receivedAmountCents: 250000, receivedOn: '2026-05-20' }, etag: '"v3"' });
    const audit = (await t.db.select().from(auditLog).where(and(eq(auditLog.objectType, 'pledge'), eq(auditLog.objectId, id))).all());
    expect(audit.map((a) => [a.action, a.origin]).sort()).toEqual([
      ['pledge.allocate', 'use-case test'],
      ['pledge.create', 'use-case test'],
      ['pledge.receive', 'use-case test'],
    ]);
  });
});
