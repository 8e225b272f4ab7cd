/** Signing in and out, and one’s own sessions. Who may call each route: see ../route-access.ts. */
import { randomUUID } from 'node:crypto';
import type { RouteRules } from './rule.ts';

export const authRoutes: RouteRules = {
  'POST /v1/auth/exchange': { access: 'public', rule: 'sign-in: a host-signed identity token for a session', sample: (f) => ({ path: '/v1/auth/exchange', body: f.bodies.exchange() }) },
  'POST /v1/auth/email': { access: 'public', rule: 'sign-in: ask for an email code', sample: (f) => ({ path: '/v1/auth/email', body: f.bodies.emailSignIn() }) },
  'POST /v1/auth/verify': {
    access: 'public',
    rule: 'sign-in: trade the emailed code for a session',
    sample: async (f) => {
      const { email } = f.bodies.emailSignIn() as { email: string };
      await f.api.send('POST', '/v1/auth/email', { body: { tenant: 'demo', email } });
      const code = [...f.api.t.mail].reverse().find((m) => m.to === email)?.text.match(/\b(\d{6})\b/)?.[1] ?? '000000';
      return { path: '/v1/auth/verify', body: { tenant: 'demo', email, code } };
    },
  },
  'POST /v1/auth/logout': {
    access: 'signed-in',
    rule: 'ends one’s own session',
    last: true,
    sample: async (f, caller) => ({ path: '/v1/auth/logout', ...(caller === 'anonymous' ? {} : { token: await f.api.freshToken(caller) }) }),
  },

  'GET /v1/auth/sessions': { access: 'signed-in', rule: 'one’s own live sessions (never a token)' },
  'POST /v1/auth/sessions/end-all': {
    access: 'signed-in',
    rule: 'ends every session of the caller (sample: a student provisioned for it, so that the roles’ own sessions stay open)',
    sample: async (f, caller) => {
      if (caller === 'anonymous') return { path: '/v1/auth/sessions/end-all' };
      const grant = await f.api.send('POST', '/v1/auth/exchange', { body: { token: f.api.t.hostToken(`student-${randomUUID()}`, { affiliation: 'student' }) } });
      return { path: '/v1/auth/sessions/end-all', token: (grant.json as { token: string }).token };
    },
  },
  'DELETE /v1/auth/sessions/:id': {
    access: 'signed-in',
    rule: 'ends one of one’s own sessions (sample: a fresh one, ended with itself); another person’s is 404',
    sample: async (f, caller) => {
      if (caller === 'anonymous') return { path: `/v1/auth/sessions/${randomUUID()}` };
      const token = await f.api.freshToken(caller);
      const listed = (await f.api.send('GET', '/v1/auth/sessions', { token })).json as { items: { id: string; current: boolean }[] };
      return { path: `/v1/auth/sessions/${listed.items.find((s) => s.current)!.id}`, token };
    },
  },
};
