import { describe, expect, it } from 'vitest';
import { testApp } from '../testing.ts';
import { institutions } from '../db/tables/index.ts';
import { eq } from 'drizzle-orm';

describe('text that is not well-formed (a lone surrogate, "\\ud800" in JSON)', () => {
  it('is refused as a malformed value with its field path, and nothing is written, on every engine', async () => {
    const t = testApp();
    const token = await t.signIn('admin-demo');
    const before = await t.db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, t.ids.demo.tenantId)).get();
    const res = await t.call('PUT', '/v1/mail/branding', { token, body: '{"name":"Universit\\ud800"}' });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { path: string; code: string }[] };
    expect(problem.errors).toEqual([{ path: 'name', code: 'validation.format', params: {}, message: expect.any(String) }]);
    const after = await t.db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, t.ids.demo.tenantId)).get();
    expect(after).toEqual(before);
  });

  it('a paired surrogate (an emoji) is ordinary text', async () => {
    const t = testApp();
    const token = await t.signIn('admin-demo');
    const res = await t.call('PUT', '/v1/mail/branding', { token, body: { name: 'Université 🎓' } });
    expect(res.status).toBe(200);
  });
});
