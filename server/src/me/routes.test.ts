import { describe, expect, it } from 'vitest';
import { testApp } from '../testing.ts';
import { setStaffEmailSignIn } from '../auth/staff-email-sign-in.ts';

interface MeBody {
  signInMethod: string;
  withheldRoles: string[];
  memberships: { role: string }[];
  can: Record<string, boolean>;
}
const me = async (t: ReturnType<typeof testApp>, token: string) => {
  const res = await t.call('GET', '/v1/me', { token });
  expect(res.status).toBe(200);
  return (await res.json()) as MeBody;
};

describe('GET /v1/me says how the session was opened and what it withholds', () => {
  it('an administrator signed in by email code: no admin role, no admin power, the admin role listed as withheld', async () => {
    const t = testApp();
    const body = await me(t, await t.emailSignIn('nadia.haddad@demo.test'));
    expect(body.signInMethod).toBe('email');
    expect(body.withheldRoles).toEqual(['admin']);
    expect(body.memberships.map((m) => m.role)).not.toContain('admin');
    expect(body.can['webhook.manage']).toBe(false);
    expect(body.can['company.create']).toBe(false);
    expect(body.can['audit.read']).toBe(false);
  });

  it('the same administrator signed in through the institution: every role, nothing withheld', async () => {
    const t = testApp();
    const body = await me(t, await t.signIn('admin-demo'));
    expect(body.signInMethod).toBe('host');
    expect(body.withheldRoles).toEqual([]);
    expect(body.memberships.map((m) => m.role)).toEqual(['admin']);
    expect(body.can['webhook.manage']).toBe(true);
  });

  it('a student signed in by email code keeps the student role', async () => {
    const t = testApp();
    const body = await me(t, await t.emailSignIn('ines.martin@etu.demo.test'));
    expect(body).toMatchObject({ signInMethod: 'email', withheldRoles: [], memberships: [expect.objectContaining({ role: 'student' })] });
    expect(body.can['offer.create']).toBe(true);
  });

  it('where the institution allows staff email sign-in, an email session keeps the admin role, sessions already open included', async () => {
    const t = testApp();
    const token = await t.emailSignIn('nadia.haddad@demo.test');
    expect((await me(t, token)).withheldRoles).toEqual(['admin']);
    await setStaffEmailSignIn(t.db, t.ids.demo.tenantId, true, t.clock.now());
    const body = await me(t, token);
    expect(body).toMatchObject({ signInMethod: 'email', withheldRoles: [] });
    expect(body.memberships.map((m) => m.role)).toEqual(['admin']);
    expect(body.can['webhook.manage']).toBe(true);
  });
});
