import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Problem } from '@passerelle/schema';
import { testApp } from '../testing.ts';
import { profiles } from '../db/tables/index.ts';
import { fromAcceptLanguage } from './language.ts';

/** A request as a browser or a script sends it: no Accept-Language unless given (`t.call` sends English). */
async function ask(t: ReturnType<typeof testApp>, method: string, path: string, options: { token?: string; body?: unknown; language?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.language) headers['accept-language'] = options.language;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await t.app.request(path, { method, headers, body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body) });
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return { status: res.status, body: (await res.json()) as Problem };
}

describe('Accept-Language', () => {
  it('picks French or English by q-value, whatever else it names', () => {
    expect(fromAcceptLanguage('en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(fromAcceptLanguage('fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('fr');
    expect(fromAcceptLanguage('de-DE, en;q=0.5, fr;q=0.7')).toBe('fr');
    expect(fromAcceptLanguage('en;q=0.2, fr;q=0')).toBe('en');
    expect(fromAcceptLanguage('de, *;q=0.5')).toBeUndefined();
    expect(fromAcceptLanguage('')).toBeUndefined();
    expect(fromAcceptLanguage(undefined)).toBeUndefined();
  });
});

describe('problems in the reader’s language', () => {
  it('are French by default, with the code and a French title', async () => {
    const t = testApp();
    const { status, body } = await ask(t, 'GET', '/v1/me');
    expect(status).toBe(401);
    expect(body).toMatchObject({
      type: 'https://passerelle.dev/problems/unauthenticated',
      title: 'Connexion requise',
      status: 401,
      code: 'auth.required',
      detail: 'Connectez-vous pour continuer.',
    });
  });

  it('are English with Accept-Language: en, and French when French is preferred', async () => {
    const t = testApp();
    expect((await ask(t, 'GET', '/v1/nowhere', { language: 'en-GB,en;q=0.9' })).body).toMatchObject({
      title: 'Not found',
      code: 'request.noRoute',
      params: { method: 'GET', path: '/v1/nowhere' },
      detail: 'There is nothing at GET /v1/nowhere.',
    });
    expect((await ask(t, 'GET', '/v1/nowhere', { language: 'en;q=0.5, fr;q=0.8' })).body).toMatchObject({ title: 'Introuvable', detail: 'Rien ne répond à GET /v1/nowhere.' });
  });

  it('follow the signed-in person’s preferred language when the request names none', async () => {
    const t = testApp();
    const claire = await t.signIn('alumna-claire');
    await t.db.update(profiles).set({ preferredLanguage: 'en' }).where(eq(profiles.personId, t.ids.demo.people['alumna-claire'])).run();
    const refused = await ask(t, 'POST', '/v1/companies', { token: claire, body: { name: 'Nouvelle', siret: '73282932000074' } });
    expect(refused).toMatchObject({ status: 403, body: { code: 'policy.refused', params: { action: 'company.create' }, title: 'Not allowed' } });
    expect(refused.body.detail).toMatch(/^Only careers-office staff and administrators can add a company/);
    // The header still wins.
    const inFrench = await ask(t, 'POST', '/v1/companies', { token: claire, body: { name: 'Nouvelle', siret: '73282932000074' }, language: 'fr' });
    expect(inFrench.body.detail).toMatch(/^Seuls le service des relations entreprises et les administrateurs peuvent ajouter une entreprise/);
  });

  it('a validation error lists each field with its path, its code and the code’s words — never valibot’s', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    const body = { url: 'https://crm.example.org/hooks', events: [], description: 'x'.repeat(501), role: 'admin' };
    const french = await ask(t, 'POST', '/v1/webhooks', { token: admin, body });
    expect(french.status).toBe(400);
    expect(french.body).toMatchObject({ code: 'request.invalid', title: 'Requête invalide', detail: 'Certains champs ne sont pas valides : voir errors.' });
    expect(french.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'events', code: 'validation.tooFew', params: { min: 1 }, message: 'Au moins un élément.' },
        { path: 'description', code: 'validation.tooLong', params: { max: 500 }, message: '500 caractères au plus.' },
        { path: 'role', code: 'validation.unknownKey', params: {}, message: 'Ce champ n’est pas attendu ici.' },
      ]),
    );
    const english = await ask(t, 'POST', '/v1/webhooks', { token: admin, body, language: 'en' });
    expect(english.body.errors).toEqual(expect.arrayContaining([{ path: 'role', code: 'validation.unknownKey', params: {}, message: 'This field is not expected here.' }]));
    expect(JSON.stringify([french.body.errors, english.body.errors])).not.toMatch(/Invalid|Expected|received/);
  });

  it('a body that is not JSON, or too large, is refused in words too', async () => {
    const t = testApp();
    const admin = await t.signIn('admin-demo');
    expect((await ask(t, 'POST', '/v1/webhooks', { token: admin, body: '{"url":' })).body).toMatchObject({ status: 400, code: 'request.malformedJson', detail: 'Le corps de la requête n’est pas un JSON valide.' });
    expect((await ask(t, 'POST', '/v1/webhooks', { token: admin, body: JSON.stringify({ description: 'x'.repeat(200 * 1024) }) })).body).toMatchObject({
      status: 413,
      code: 'request.tooLarge',
      params: { maxKiB: 100 },
    });
  });

  it('every refusal carries its code: 403, 404, 409, 412, 428', async () => {
    const t = testApp();
    const staff = await t.signIn('staff-eng');
    const student = await t.signIn('student-ines');
    const created = await t.call('POST', '/v1/offers', {
      token: staff,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: { companyId: t.ids.demo.companies.acme, title: 'Stage', kind: 'internship', targetEntityIds: [t.ids.demo.entities.engineering] },
    });
    const id = ((await created.json()) as { id: string }).id;
    expect((await ask(t, 'POST', `/v1/offers/${id}/publish`, { token: student })).body).toMatchObject({ status: 403, code: 'policy.refused', params: { action: 'offer.moderate' }, action: 'offer.moderate' });
    expect((await ask(t, 'GET', `/v1/offers/${crypto.randomUUID()}`, { token: staff })).body).toMatchObject({
      status: 404,
      code: 'offer.notFound',
      detail: 'Cette offre n’existe pas, ou vous ne pouvez pas la voir.',
    });
    expect((await ask(t, 'PATCH', `/v1/offers/${id}`, { token: staff, body: { title: 'Stage R&D' } })).body).toMatchObject({ status: 428, code: 'offer.ifMatchRequired' });
    const stale = await t.app.request(`/v1/offers/${id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json', 'if-match': '"stale"', 'accept-language': 'en' },
      body: JSON.stringify({ title: 'Stage R&D' }),
    });
    expect(await stale.json()).toMatchObject({ status: 412, code: 'offer.changed', detail: 'This offer was changed since you loaded it. Reload it, then apply your change again.' });
    expect((await t.call('POST', `/v1/offers/${id}/withdraw`, { token: staff })).status).toBe(200);
    expect((await ask(t, 'POST', `/v1/offers/${id}/withdraw`, { token: staff })).body).toMatchObject({
      status: 409,
      code: 'offer.wrongStatus',
      params: { status: 'withdrawn', verb: 'withdraw' },
      currentStatus: 'withdrawn',
      detail: 'Cette offre est retirée ; elle ne peut pas être retirée maintenant.',
    });
  });

  it('429 carries its code and says how long to wait, in the reader’s language', async () => {
    const t = testApp();
    const body = { tenant: 'demo', email: 'recruteur@startup.test' };
    for (let i = 0; i < 5; i++) expect((await t.app.request('/v1/auth/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status).toBe(202);
    const refused = await t.app.request('/v1/auth/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
    expect(await refused.json()).toMatchObject({
      code: 'auth.code.tooManyAsked',
      params: { minutes: 15 },
      title: 'Trop de requêtes',
      detail: 'Trop de codes ont été demandés. Patientez 15 minutes et réessayez.',
    });
  });
});
