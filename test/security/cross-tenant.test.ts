/**
 * Nothing crosses a tenant: every resource id of the institution `other`
 * (made through its own people, then read back from the database), put into
 * every route that takes an id, as every role of `demo`, is 404 — and no
 * answer, lists included, carries a name, email or id of `other`.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { columnsOf, rowsOf, tablesOf, declaredRoutes, freshSiret, isProblem, roleNames, startApi, type Api } from './harness.ts';
import { sampleOfferBody } from '@passerelle/server/testing';
import { fixtures, type Fixtures } from './fixtures.ts';
import { routeAccess } from './route-access.ts';

let api: Api;
let f: Fixtures;
/** Every id of a row of `other`, with the table it comes from. */
let otherIds: { table: string; id: string }[];
/** Strings that must never reach a `demo` session: ids, names, emails, titles of `other`. */
let secrets: string[];
let otherPurposeKeys: string[];
/** The tables in which `other` has rows addressed by id. */
const otherTables = new Set<string>();

/** Makes, as `other`'s own people, one of each kind of object, so that every table has rows of `other`. */
async function populateOther(api: Api) {
  const other = api.t.ids.other;
  const student = await api.signIn('student-other');
  const staff = await api.signIn('staff-other');
  const admin = await api.signIn('admin-other');
  const ok = async (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await api.send(method, path, { token, body, headers });
    if (r.status >= 300) throw new Error(`other: ${method} ${path} → ${r.status} ${r.text}`);
    return r.json as Record<string, unknown>;
  };
  const key = () => ({ 'idempotency-key': randomUUID() });
  await ok('POST', '/v1/webhooks', admin, { url: 'https://crm.autre.test/hooks', events: ['offer.published', 'offer.submitted', 'pledge.created', 'consent.changed', 'erasure.requested'] });
  const company = await ok('POST', '/v1/companies', admin, { name: 'Autre Secrète SARL', siret: freshSiret(), website: 'https://autre-secrete.test' });
  const offer = sampleOfferBody(
    { companyId: other.companies.umbrella, targetEntityIds: [other.entities.school] },
    { title: 'Offre confidentielle Umbrella', description: 'Texte interne.', location: 'Marseille', remote: 'onsite', apply: 'https://umbrella.test/jobs' },
  );
  await ok('POST', '/v1/offers', student, offer, key());
  const submitted = await ok('POST', '/v1/offers', student, { ...offer, submit: true }, key());
  await ok('POST', '/v1/offers', staff, { ...offer, submit: true }, key());
  void submitted;
  const address = { line1: '1 rue Secrète', postalCode: '13001', city: 'Marseille' };
  await ok('POST', '/v1/pledges', student, { kind: 'donation', amountCents: 4200, frequency: 'once', designation: { kind: 'entity', entityId: other.entities.school }, donor: { kind: 'individual', fullName: 'Ève Petit', address }, publicThanks: false }, key());
  await ok(
    'POST',
    '/v1/pledges',
    admin,
    { kind: 'apprenticeship_tax', companyId: other.companies.umbrella, entityId: other.entities.school, sharePercent: 10, estimatedAmountCents: 90000, campaignYear: 2026, contact: { name: 'Léa Garnier', email: 'lea.garnier@autre.test' }, viaAccountant: false },
    key(),
  );
  const purpose = await ok('POST', '/v1/purposes', admin, {
    key: 'autre-lettre',
    title: { fr: 'Lettre Autre', en: 'Other letter' },
    description: { fr: 'Nouvelles internes.', en: 'Internal news.' },
    legalBasis: 'consent',
    channels: ['email'],
    entityId: other.entities.university,
    retentionMonths: 12,
  });
  await ok('PUT', `/v1/consents/${purpose.key as string}`, student, { channels: { email: true }, version: (purpose.version as { hash: string }).hash });
  await ok('PUT', '/v1/consents/solicitation-cap', student, { perMonth: 2 });
  // A recruiter of `other` asks for a new company, then asks for erasure.
  const recruiter = await api.emailPerson('other');
  await ok('POST', '/v1/companies/requests', recruiter.token, { company: { name: 'Recrue Secrète', siret: freshSiret() } });
  await ok('POST', '/v1/companies/requests', recruiter.token, { companyId: company.id });
  // A possible duplicate: staff-other writes Ève's address as their own.
  const evePath = `/v1/profiles/${other.people['student-other']}`;
  const eve = (await api.send('GET', evePath, { token: admin })).json as { emails?: { address: string }[] };
  const paulPath = `/v1/profiles/${other.people['staff-other']}`;
  const etag = (await api.send('GET', paulPath, { token: admin })).headers.get('etag') ?? '';
  await ok('PATCH', paulPath, staff, { emails: [{ address: eve.emails?.[0]?.address ?? 'eve.petit@etu.autre.test', primary: true }] }, { 'if-match': etag });
  await ok('POST', '/v1/me/erasure', recruiter.token, { confirm: true });
}

before(async () => {
  api = await startApi();
  f = fixtures(api);
  await populateOther(api);
  const otherTenant = api.t.ids.other.tenantId;
  const tables = await tablesOf(api.t);
  // Rows that are not resources anyone addresses by id.
  const skip = new Set(['audit_log', 'sessions', 'email_codes', 'used_token_ids', 'idempotency_keys', 'dev_outbox', 'sign_in_failures']);
  otherIds = [];
  secrets = [otherTenant];
  for (const table of tables) {
    const columns = await columnsOf(api.t, table);
    if (!columns.includes('tenant_id')) continue;
    const rows = await rowsOf(api.t, `SELECT * FROM "${table}" WHERE tenant_id = ?`, [otherTenant]);
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        if (/^(msg_)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value) && value !== otherTenant) {
          if (!skip.has(table) && (column === 'id' || column === 'person_id')) {
            otherIds.push({ table, id: value });
            otherTables.add(table);
          }
          secrets.push(value);
        }
        if (['email', 'display_name', 'name', 'title', 'given_name', 'family_name', 'primary_email'].includes(column) && value.length >= 4) secrets.push(value);
      }
    }
  }
  // One of each kind stands for the kind; every kind is tried.
  otherIds = otherIds.filter((x, i) => otherIds.findIndex((y) => y.id === x.id || y.table === x.table) === i);
  secrets = [...new Set(secrets)];
  otherPurposeKeys = (await rowsOf(api.t, 'SELECT key FROM purposes WHERE tenant_id = ?', [otherTenant])).map((r) => String(r.key));
});
after(() => api.close());

const leaked = (text: string) => secrets.filter((s) => text.includes(s));

describe('cross-tenant', () => {
  it('found objects of `other` in every resource table', () => {
    const tables = otherTables;
    for (const t of ['people', 'companies', 'offers', 'pledges', 'purposes', 'company_requests', 'erasure_requests', 'profiles', 'profile_duplicate_flags', 'webhook_subscriptions', 'webhook_deliveries']) {
      assert.ok(tables.has(t), `no row of other in ${t}`);
    }
  });

  it('every id of `other` in every route with a parameter, as every `demo` role, is 404 and leaks nothing', async () => {
    const routes = declaredRoutes(api).filter((r) => /:[A-Za-z]+/.test(r.path));
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes) {
      const rule = routeAccess[route.key];
      // The same body and headers the route matrix sends: only the id differs.
      const sample = rule?.sample ? await rule.sample(f, 'admin') : { path: route.path };
      const params: string[] = route.path.match(/:[A-Za-z]+/g) ?? [];
      const values = params.includes(':purpose') ? otherPurposeKeys : otherIds.map((x) => x.id);
      const samplePath = sample.path.split('?')[0]!.split('/');
      for (const slot of params) {
        for (const value of values) {
          // The other parameters keep the sample's (demo) value.
          const path = route.path
            .split('/')
            .map((seg, i) => (seg === slot ? value : seg.startsWith(':') ? (samplePath[i] ?? seg) : seg))
            .join('/');
          const unknownPath = path.replace(value, randomUUID());
          await Promise.all(
            roleNames.map(async (role) => {
              const options = { as: role, ...(sample.body !== undefined ? { body: sample.body } : {}), headers: sample.headers ?? {} };
              const reply = await api.send(route.method, path, options);
              requests++;
              const where = `${route.method} ${path} as ${role} → ${reply.status}`;
              if (!isProblem(reply)) failures.push(`not a problem document: ${where} ${reply.text.slice(0, 120)}`);
              else if (reply.status !== 404) {
                // A refusal by role alone (403 before any lookup) is allowed only if it is exactly what a non-existent id gets.
                const unknown = await api.send(route.method, unknownPath, options);
                if (reply.status !== 403 || unknown.status !== 403 || unknown.text !== reply.text) failures.push(`not 404: ${where} ${reply.text.slice(0, 120)}`);
              }
              const found = leaked(reply.text);
              if (found.length) failures.push(`leaks ${found.join(', ')}: ${where}`);
            }),
          );
        }
      }
    }
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} failures`);
    assert.ok(requests > 1000, `only ${requests} requests`);
  });

  it('no list, search or export of a `demo` session carries anything of `other`', async () => {
    const lists = declaredRoutes(api)
      .filter((r) => r.method === 'GET' && !r.path.includes(':') && routeAccess[r.key]?.access !== 'public')
      .map((r) => r.path);
    // Searches for `other`'s names, and the filters that widen a list (pending, mine, queue…).
    const queries: Record<string, string[]> = {
      '/v1/companies': ['?q=Umbrella', '?q=Secr', '?q=445566', '?status=pending'],
      '/v1/companies/requests': ['?status=approved', '?status=refused', '?mine=true'],
      '/v1/profiles': ['?q=Petit', '?q=Roux', '?q=autre.test'],
      '/v1/offers': ['?mine=true', '?queue=true', `?company=${api.t.ids.other.companies.umbrella}`],
      '/v1/consents/export': ['?purpose=autre-lettre', '?purpose=alumni-news'],
      '/v1/me/export': ['?format=zip'],
      '/v1/pledges': ['?kind=apprenticeship_tax'],
    };
    const failures: string[] = [];
    let requests = 0;
    for (const path of lists) {
      for (const query of ['', ...(queries[path] ?? [])]) {
        await Promise.all(
          roleNames.map(async (role) => {
            const reply = await api.send('GET', path + query, { as: role });
            requests++;
            if (reply.status >= 500) failures.push(`${path}${query} as ${role} → ${reply.status}`);
            const found = leaked(reply.text);
            if (found.length) failures.push(`leaks ${found.join(', ')}: GET ${path}${query} as ${role}`);
          }),
        );
      }
    }
    assert.ok(requests > 200, `only ${requests} requests`);
    assert.deepEqual(failures, []);
  });

  it('a session of `other` is refused from `demo`’s registered origin, and `demo`’s token exchange cannot name `other`', async () => {
    const token = await api.signIn('student-other');
    const reply = await api.send('GET', '/v1/me', { token, headers: { origin: 'http://localhost:5173' } });
    assert.equal(reply.status, 403);
    assert.ok(isProblem(reply));
    // A demo host key signing an identity for `other` (iss: other) is not other's key.
    const forged = api.t.hostToken('student-other', { iss: 'other' }, 'demo');
    const exchanged = await api.send('POST', '/v1/auth/exchange', { body: { token: forged } });
    assert.equal(exchanged.status, 401);
  });
});
