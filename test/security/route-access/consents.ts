/** Consents: one’s own, and others’ (state, record, proof). Who may call each route: see ../route-access.ts. */
import type { Fixtures } from '../fixtures.ts';
import { allowedBy, wholeTenant } from '../policy-access.ts';
import { ines, key, type RouteRules } from './rule.ts';

/** The current text version (hash) of a purpose: a consent choice names the text it was made on. */
async function currentVersion(f: Fixtures, purposeKey: string): Promise<string> {
  const overview = (await f.api.send('GET', '/v1/consents', { as: 'admin' })).json as { purposes: { key: string; version: { hash: string } }[] };
  return overview.purposes.find((p) => p.key === purposeKey)!.version.hash;
}
/** Inès agrees to alumni-news by email: the id of that event of her consent record. */
async function inesConsentEvent(f: Fixtures): Promise<string> {
  const chosen = await f.api.send('PUT', '/v1/consents/alumni-news', { as: 'student', body: { channels: { email: true }, version: await currentVersion(f, 'alumni-news') } });
  if (chosen.status !== 200) throw new Error(`fixture consent: ${chosen.status} ${chosen.text}`);
  const record = (await f.api.send('GET', `/v1/consents/people/${f.demo.people['student-ines']}/events`, { as: 'admin' })).json as { items: { id: string; purposeKey: string }[] };
  return record.items.find((e) => e.purposeKey === 'alumni-news')!.id;
}

export const consentsRoutes: RouteRules = {
  'GET /v1/consents': { access: 'signed-in', rule: 'own consents' },
  'GET /v1/consents/history': { access: 'signed-in', rule: 'own consent history' },
  'POST /v1/consents/withdraw-all': { access: 'signed-in', rule: 'own consents', sample: (f) => ({ path: '/v1/consents/withdraw-all', body: f.bodies.withdrawAll() }) },
  'PUT /v1/consents/solicitation-cap': { access: 'signed-in', rule: 'own consents', sample: (f) => ({ path: '/v1/consents/solicitation-cap', body: f.bodies.cap() }) },
  'PUT /v1/consents/:purpose': { access: 'signed-in', rule: 'own consents', sample: async (f) => ({ path: '/v1/consents/alumni-news', body: { ...f.bodies.consentChoice(), version: await currentVersion(f, 'alumni-news') } }) },
  'GET /v1/consents/export': { access: allowedBy(['consent.export', wholeTenant]), rule: 'CRM export of consent states: administrators', sample: () => ({ path: '/v1/consents/export?purpose=alumni-news' }) },
  'GET /v1/consents/people/:personId': {
    access: allowedBy(['consent.read', ines]),
    rule: 'consent state of others: staff of their entities and admins, read only (sample: Inès, École d’ingénieurs)',
    sample: (f) => ({ path: `/v1/consents/people/${f.demo.people['student-ines']}` }),
  },
  'GET /v1/consents/people/:personId/events': {
    access: allowedBy(['consent.proof', ines]),
    rule: 'a person’s complete consent record: administrators and the data protection officer (sample: Inès)',
    sample: (f) => ({ path: `/v1/consents/people/${f.demo.people['student-ines']}/events` }),
  },
  'GET /v1/consents/people/:personId/events/:eventId/proof': {
    access: allowedBy(['consent.proof', ines]),
    rule: 'the proof of one consent, JSON or PDF: administrators and the data protection officer (sample: Inès’s consent to alumni-news)',
    sample: async (f) => ({ path: `/v1/consents/people/${f.demo.people['student-ines']}/events/${await f.shared('inesConsentEvent', () => inesConsentEvent(f))}/proof?format=pdf` }),
  },
};
