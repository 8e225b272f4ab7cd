import { describe, expect, it } from 'vitest';
import { versionOf } from './testing.ts';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../testing.ts';
import { loadActor } from '../auth/session.ts';
import { auditLog, consentEvents } from '../db/tables/index.ts';
import type { Call } from '../call.ts';
import { chooseConsent, setSolicitationCap } from './choices.ts';
import { exportConsents } from './export.ts';

const callAs = async (t: TestApp, sub: keyof TestApp['ids']['demo']['people']): Promise<Call> => ({
  actor: await loadActor(t.db, t.ids.demo.tenantId, t.ids.demo.people[sub]),
  tenantSlug: 'demo',
  who: { tenantId: t.ids.demo.tenantId, actorId: t.ids.demo.people[sub], origin: 'use-case test', at: t.clock.now().toISOString() },
});

const auditOf = async (t: TestApp, action: string) => (await t.db.select().from(auditLog).where(eq(auditLog.action, action)).all());

describe('consent use cases, called without HTTP', () => {
  it('a choice records where it was made as the caller says, once; the cap and the export are audited with the call’s origin', async () => {
    const t = testApp();
    const ines = await callAs(t, 'student-ines');
    const where = { checked: 'https://www.demo.test', page: 'https://www.demo.test/mon-compte', component: 'passerelle-consent-centre' };
    expect(await chooseConsent(t, ines, { purposeKey: 'events', channels: { email: true }, version: await versionOf(t, 'events'), where })).toMatchObject({ changed: ['email'], purpose: { key: 'events' } });
    expect((await chooseConsent(t, ines, { purposeKey: 'events', channels: { email: true }, version: await versionOf(t, 'events'), where })).changed).toEqual([]);
    const events = (await t.db.select().from(consentEvents).where(eq(consentEvents.personId, ines.actor.personId)).all());
    expect(events.map((e) => [e.channel, e.granted, e.origin, e.originPage, e.originComponent])).toEqual([['email', true, where.checked, where.page, where.component]]);
    expect((await auditOf(t, 'consent.choose')).map((a) => a.origin)).toEqual(['use-case test']);

    expect(await setSolicitationCap(t, ines, { perMonth: 2, where })).toMatchObject({ perMonth: 2, source: 'choice' });
    expect((await auditOf(t, 'consent.solicitationCap')).map((a) => [a.actorId, a.origin])).toEqual([[ines.actor.personId, 'use-case test']]);

    const file = await exportConsents(t, await callAs(t, 'admin-demo'), { purposeKey: 'events' });
    expect(file.csv).toContain(`${ines.actor.personId},`);
    expect((await auditOf(t, 'consent.export')).map((a) => a.origin)).toEqual(['use-case test']);
  });
});
