import { afterEach, describe, expect, it, vi } from 'vitest';
import { testApp } from '../testing.ts';
import * as session from './session.ts';

// Counts the session lookups without changing what they answer.
vi.mock('./session.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./session.ts')>();
  return { ...original, findSession: vi.fn(original.findSession) };
});
const lookups = vi.mocked(session.findSession);

afterEach(() => lookups.mockClear());

// `/v1/me` is served by two sub-apps mounted at the same prefix (me and rights),
// and each declares requireAuth(): Hono runs both middlewares for every /me path.
describe('requireAuth under /v1/me', () => {
  it('refuses the data export without a token, and with an unknown one', async () => {
    const t = testApp();
    expect((await t.call('GET', '/v1/me/export')).status).toBe(401);
    expect((await t.call('GET', '/v1/me/export', { token: 'x'.repeat(43) })).status).toBe(401);
    expect((await t.call('GET', '/v1/me/erasure')).status).toBe(401);
    expect((await t.call('GET', '/v1/me')).status).toBe(401);
  });

  it('looks the session up once per request', async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    for (const path of ['/v1/me', '/v1/me/export', '/v1/me/erasure']) {
      lookups.mockClear();
      expect((await t.call('GET', path, { token })).status).toBe(200);
      expect(lookups, path).toHaveBeenCalledTimes(1);
    }
  });

  it('still refuses a signed-out session on the rights routes', async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    expect((await t.call('POST', '/v1/auth/logout', { token, body: {} })).status).toBeLessThan(300);
    expect((await t.call('GET', '/v1/me/export', { token })).status).toBe(401);
  });
});
