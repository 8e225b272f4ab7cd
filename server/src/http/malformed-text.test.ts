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

  it('a NUL in a body or a query string is refused the same way (PostgreSQL’s text cannot hold it), and nothing is written', async () => {
    const t = testApp();
    const token = await t.signIn('alumna-claire');
    const me = t.ids.demo.people['alumna-claire'];
    const read = await t.call('GET', '/v1/profiles/me', { token });
    const before = await read.json();
    const res = await t.call('PATCH', `/v1/profiles/${me}`, { token, body: { bio: 'a\u0000b' }, headers: { 'if-match': read.headers.get('etag')! } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string; code: string }[] }).errors).toEqual([{ path: 'bio', code: 'validation.format', params: {}, message: expect.any(String) }]);
    expect(await (await t.call('GET', '/v1/profiles/me', { token })).json()).toEqual(before);
    const search = await t.call('GET', '/v1/profiles?q=a%00b', { token });
    expect(search.status).toBe(400);
    expect(((await search.json()) as { errors: { path: string; code: string }[] }).errors).toEqual([{ path: 'q', code: 'validation.format', params: {}, message: expect.any(String) }]);
  });

  it('a body nested 20,000 arrays deep is an ordinary validation refusal, not a 500', async () => {
    const t = testApp();
    const token = await t.signIn('admin-demo');
    const res = await t.call('PUT', '/v1/mail/branding', { token, body: '['.repeat(20_000) + ']'.repeat(20_000) });
    expect(res.status).toBe(400);
  });

  it('a paired surrogate (an emoji) is ordinary text', async () => {
    const t = testApp();
    const token = await t.signIn('admin-demo');
    const res = await t.call('PUT', '/v1/mail/branding', { token, body: { name: 'Université 🎓' } });
    expect(res.status).toBe(200);
  });
});
