import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../testing.ts';
import { loadActor } from '../auth/session.ts';
import { auditLog, purposeVersions } from '../db/tables/index.ts';
import type { Call } from '../call.ts';
import { ProblemError } from '../http/problem.ts';
import { createPurpose } from './create.ts';
import { editPurpose } from './update.ts';
import { purposeEtag } from './purposes.ts';

const callAs = async (t: TestApp, sub: keyof TestApp['ids']['demo']['people']): Promise<Call> => ({
  actor: await loadActor(t.db, t.ids.demo.tenantId, t.ids.demo.people[sub]),
  tenantSlug: 'demo',
  who: { tenantId: t.ids.demo.tenantId, actorId: t.ids.demo.people[sub], origin: 'use-case test', at: t.clock.now().toISOString() },
});

const auditOf = async (t: TestApp, action: string) => (await t.db.select().from(auditLog).where(eq(auditLog.action, action)).all());

describe('purpose use cases, called without HTTP', () => {
  it('a purpose created, then edited with a stale ETag (refused) and a fresh one (a new version)', async () => {
    const t = testApp();
    const admin = await callAs(t, 'admin-demo');
    const created = await createPurpose(t, admin, {
      key: 'surveys',
      title: { fr: 'Enquêtes', en: 'Surveys' },
      description: { fr: 'Enquête d’insertion annuelle.', en: 'Yearly graduate outcome survey.' },
      legalBasis: 'consent',
      channels: ['email'],
      entityId: t.ids.demo.entities.university,
      retentionMonths: 12,
    });
    const stale = editPurpose(t, admin, { id: created.id, patch: { retentionMonths: 6 }, ifMatch: '"stale"' });
    await expect(stale).rejects.toBeInstanceOf(ProblemError);
    await expect(stale).rejects.toMatchObject({ kind: 'preconditionFailed' });
    const edited = await editPurpose(t, admin, { id: created.id, patch: { title: { fr: 'Enquêtes annuelles', en: 'Yearly surveys' } }, ifMatch: purposeEtag(created) });
    expect(edited).toMatchObject({ revision: created.revision + 1, version: { title: { en: 'Yearly surveys' } } });
    expect(edited.version.hash).not.toBe(created.version.hash);
    expect((await t.db.select().from(purposeVersions).where(eq(purposeVersions.purposeId, created.id)).all())).toHaveLength(2);
    expect((await auditOf(t, 'purpose.edit')).map((a) => a.origin)).toEqual(['use-case test']);
  });
});
