/**
 * A duplicate flag concerns two people, often of two schools: it shows, and
 * can be resolved, from either profile (issue 18: it was listed only under
 * the person whose change raised it).
 */
import { describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../testing.ts';
import { profileDuplicateFlags } from '../db/tables/index.ts';
import type { ProfileView } from '@passerelle/schema';

const json = async <T>(res: Response) => (await res.json()) as T;

/** Inès (École d'ingénieurs) takes Claire's (École de management) address as her primary one: a flag Inès → Claire. */
async function flagged() {
  const t = testApp();
  const ines = t.ids.demo.people['student-ines'];
  const claire = t.ids.demo.people['alumna-claire'];
  const student = await t.signIn('student-ines');
  const me = await t.call('GET', '/v1/profiles/me', { token: student });
  const res = await t.call('PATCH', `/v1/profiles/${ines}`, {
    token: student,
    body: { emails: [{ address: 'claire.dubois@alumni.demo.test', primary: true }] },
    headers: { 'if-match': me.headers.get('etag') ?? '' },
  });
  expect(res.status).toBe(200);
  const flag = (await t.db.select().from(profileDuplicateFlags).get())!;
  expect(flag).toMatchObject({ personId: ines, otherPersonId: claire });
  return { t, ines, claire, flag, eng: await t.signIn('staff-eng'), mgmt: await t.signIn('staff-mgmt') };
}

const queue = async (t: TestApp, token: string) => json<{ items: ProfileView[] }>(await t.call('GET', '/v1/profiles?flagged=true', { token }));
const profile = async (t: TestApp, token: string, id: string) => json<ProfileView>(await t.call('GET', `/v1/profiles/${id}`, { token }));

describe('duplicate flags, from both sides', () => {
  it('staff of the other person’s school see the flag in their queue and on their person, pointing back', async () => {
    const { t, ines, claire, flag, mgmt } = await flagged();
    const list = await queue(t, mgmt);
    expect(list.items.map((p) => p.id)).toEqual([claire]);
    expect(list.items[0]?.reviewFlags).toEqual([{ id: flag.id, otherProfileId: ines, reason: 'email', createdAt: flag.createdAt }]);
    expect((await profile(t, mgmt, claire)).reviewFlags).toEqual([expect.objectContaining({ id: flag.id, otherProfileId: ines })]);
  });

  it('they resolve it from their person; it is resolved for both schools', async () => {
    const { t, ines, claire, flag, eng, mgmt } = await flagged();
    const res = await t.call('POST', `/v1/profiles/${claire}/review-flags/${flag.id}/resolve`, { token: mgmt, body: {} });
    expect(res.status).toBe(200);
    expect((await json<ProfileView>(res)).reviewFlags).toEqual([]);
    expect(await queue(t, mgmt)).toMatchObject({ items: [] });
    expect(await queue(t, eng)).toMatchObject({ items: [] });
    expect((await profile(t, eng, ines)).reviewFlags).toEqual([]);
    // Resolved once for both: the other side cannot resolve it again.
    const again = await t.call('POST', `/v1/profiles/${ines}/review-flags/${flag.id}/resolve`, { token: eng, body: {} });
    expect(again.status).toBe(409);
  });

  it('a change on the other side raises no second flag for the same pair, open or resolved', async () => {
    const { t, ines, claire, flag, mgmt } = await flagged();
    // Staff add a second address to Claire's profile: her emails change, and the guard runs again.
    let n = 0;
    const touch = async () => {
      const current = await t.call('GET', `/v1/profiles/${claire}`, { token: mgmt });
      const res = await t.call('PATCH', `/v1/profiles/${claire}`, {
        token: mgmt,
        body: { emails: [{ address: 'claire.dubois@alumni.demo.test', primary: true }, { address: `claire.${++n}@example.test`, primary: false }] },
        headers: { 'if-match': current.headers.get('etag') ?? '' },
      });
      expect(res.status).toBe(200);
    };
    await touch();
    expect((await t.db.select().from(profileDuplicateFlags).all())).toEqual([expect.objectContaining({ id: flag.id })]);
    expect((await profile(t, mgmt, claire)).reviewFlags).toEqual([expect.objectContaining({ id: flag.id, otherProfileId: ines })]);
    expect((await t.call('POST', `/v1/profiles/${claire}/review-flags/${flag.id}/resolve`, { token: mgmt, body: {} })).status).toBe(200);
    await touch();
    expect(await queue(t, mgmt)).toMatchObject({ items: [] });
    expect((await t.db.select().from(profileDuplicateFlags).all())).toEqual([expect.objectContaining({ id: flag.id, resolvedAt: expect.any(String) })]);
  });
});
