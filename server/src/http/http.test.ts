import { describe, expect, it, vi } from 'vitest';
import { testApp } from '../testing.ts';
import { companies } from '../db/tables/index.ts';
import type { Problem } from '@passerelle/schema';

const problemOf = async (res: Response) => {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as Problem;
  expect(body).toEqual(expect.objectContaining({ type: expect.any(String), title: expect.any(String), status: res.status, detail: expect.any(String) }));
  return body;
};

describe('errors are problem+json', () => {
  it('400 for malformed JSON', async () => {
    const t = testApp();
    const token = await t.signIn('staff-eng');
    const res = await t.call('POST', '/v1/companies', { token, body: '{"name": "Acme",' });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toMatch(/not valid JSON/);
  });

  it('400 lists each failed field path, without echoing the input', async () => {
    const t = testApp();
    const token = await t.signIn('staff-eng');
    const res = await t.call('POST', '/v1/companies', { token, body: { name: '', siret: '12345678901234', secretNote: 'do-not-echo' } });
    expect(res.status).toBe(400);
    const body = await problemOf(res);
    const paths = body.errors?.map((e) => e.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['name', 'siret', 'secretNote']));
    expect(body.errors?.find((e) => e.path === 'siret')?.message).toMatch(/SIRET/);
    expect(JSON.stringify(body)).not.toContain('do-not-echo');
  });

  it('401 without a token, with WWW-Authenticate', async () => {
    const t = testApp();
    const res = await t.call('GET', '/v1/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    await problemOf(res);
  });

  it("403 with a reason in words for a student's POST /v1/companies, and no row", async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    const before = (await t.db.select().from(companies).all()).length;
    const res = await t.call('POST', '/v1/companies', { token, body: { name: 'Nouvelle Société', siret: '39988776900038' } });
    expect(res.status).toBe(403);
    const body = await problemOf(res);
    expect(body.detail).toMatch(/careers office/i);
    expect((await t.db.select().from(companies).all())).toHaveLength(before);
  });

  it("404 for another tenant's object, as for a missing one", async () => {
    const t = testApp();
    const token = await t.signIn('admin-demo');
    const res = await t.call('GET', `/v1/companies/${t.ids.other.companies.umbrella}`, { token });
    expect(res.status).toBe(404);
    const missing = await t.call('GET', `/v1/companies/${crypto.randomUUID()}`, { token });
    expect(missing.status).toBe(404);
    expect(await problemOf(res)).toEqual(await problemOf(missing));
  });

  it('405 with Allow for a known path and the wrong method', async () => {
    const t = testApp();
    const res = await t.call('DELETE', '/v1/auth/exchange');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('POST');
    await problemOf(res);
  });

  it('404 problem for an unknown path', async () => {
    const res = await testApp().call('GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    await problemOf(res);
  });

  it('413 for a 200 KiB body, with or without Content-Length', async () => {
    const t = testApp();
    const token = await t.signIn('staff-eng');
    const big = JSON.stringify({ name: 'x'.repeat(200 * 1024), siret: '39988776900038' });
    const res = await t.call('POST', '/v1/companies', { token, body: big });
    expect(res.status).toBe(413);
    await problemOf(res);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(big);
        for (let i = 0; i < bytes.length; i += 16 * 1024) controller.enqueue(bytes.slice(i, i + 16 * 1024));
        controller.close();
      },
    });
    // undici needs `duplex` for a streamed request body.
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: chunks,
      duplex: 'half',
    };
    const chunked = await t.app.request('/v1/companies', init);
    expect(chunked.status).toBe(413);
    expect((await t.db.select().from(companies).all()).some((c) => c.name.startsWith('xxx'))).toBe(false);
  });

  it('415 for a text/plain write, and nothing changes', async () => {
    const t = testApp();
    const token = await t.signIn('staff-eng');
    const before = (await t.db.select().from(companies).all()).length;
    const res = await t.call('POST', '/v1/companies', { token, body: JSON.stringify({ name: 'Plain', siret: '39988776900038' }), headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
    await problemOf(res);
    expect((await t.db.select().from(companies).all())).toHaveLength(before);
  });

  it('429 with Retry-After when codes are asked too often', async () => {
    const t = testApp();
    let res: Response | undefined;
    for (let i = 0; i < 6; i++) res = await t.call('POST', '/v1/auth/email', { body: { tenant: 'demo', email: 'flood@example.com' } });
    expect(res?.status).toBe(429);
    await problemOf(res!);
  });

  it('500 says nothing of the stack or the SQL', async () => {
    const t = testApp();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    t.app.get('/v1/boom', () => {
      throw new Error('SqliteError: no such table: SELECT secret FROM x at /srv/app.ts:1');
    });
    const res = await t.call('GET', '/v1/boom');
    expect(res.status).toBe(500);
    const text = JSON.stringify(await problemOf(res));
    expect(text).not.toMatch(/SELECT|Sqlite|\.ts|at /);
    spy.mockRestore();
  });
});

describe('companies created by staff', () => {
  it('201 with Location, then 409 pointing at the existing company for the same SIRET', async () => {
    const t = testApp();
    const token = await t.signIn('staff-eng');
    const res = await t.call('POST', '/v1/companies', { token, body: { name: 'Nouvelle Société', siret: '399 887 769 00038' } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; siret: string };
    expect(res.headers.get('location')).toBe(`/v1/companies/${created.id}`);
    expect(created.siret).toBe('39988776900038');
    const again = await t.call('POST', '/v1/companies', { token, body: { name: 'Autre nom', siret: '39988776900038' } });
    expect(again.status).toBe(409);
    expect(await problemOf(again)).toEqual(expect.objectContaining({ existingId: created.id }));
  });
});

describe('CORS', () => {
  const preflight = (t: ReturnType<typeof testApp>, origin: string) =>
    t.app.request('/v1/me', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });

  it('answers a registered origin exactly, with Vary: Origin and the short header list', async () => {
    const t = testApp();
    const res = await preflight(t, 'http://localhost:5173');
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-type, idempotency-key, if-match');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
  });

  for (const origin of ['https://evil-localhost:5173', 'http://localhost:5173.evil.fr', 'http://localhost:51730', 'null', 'http://LOCALHOST:5173/']) {
    it(`gives no CORS headers to ${origin}`, async () => {
      const t = testApp();
      const res = await preflight(t, origin);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const get = await t.app.request('/health', { headers: { origin } });
      expect(get.headers.get('access-control-allow-origin')).toBeNull();
    });
  }

  it("refuses a session used from another tenant's registered origin", async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    const res = await t.call('GET', '/v1/me', { token, headers: { origin: 'http://localhost:5174' } });
    expect(res.status).toBe(403);
  });
});

describe('self description', () => {
  it('GET /health', async () => {
    const res = await testApp().call('GET', '/health');
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /v1/openapi.json is OpenAPI 3.1 built from the routes and schemas', async () => {
    const res = await testApp().call('GET', '/v1/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/auth/exchange', '/v1/me', '/v1/companies', '/v1/companies/{id}']));
    expect(Object.keys(doc.paths['/v1/companies']!.post!.requestBody!.content['application/json']!.schema.properties)).toEqual(['name', 'siret', 'website']);
  });
});
