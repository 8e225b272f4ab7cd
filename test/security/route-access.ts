/**
 * Who may call each route, from the role table (docs/architecture.md). Every route of the
 * router must be declared here (the matrix test fails on an undeclared one):
 * a new route cannot ship without someone writing down its policy.
 *
 * `access` is `public` (no session), `signed-in` (any person of the tenant,
 * including a recruiter with no membership yet), or the roles allowed for the
 * sample object the route is called on (`sample`), as the role policy of
 * packages/schema answers for that object (`allowedBy`, policy-access.ts). Roles: student (Inès),
 * alumnus (Claire), company_rep (Marc, Acme), staff (Sophie, École
 * d'ingénieurs), staff_elsewhere (Julien, École de management), admin
 * (Nadia), dpo (Camille, the data protection officer), no_membership (a recruiter signed in by email).
 */
import { randomUUID } from 'node:crypto';
import { offerRenewal, offerTransitions } from '../../packages/schema/src/index.ts';
import type { Caller, RoleName } from './harness.ts';
import type { Fixtures, Json } from './fixtures.ts';
import { allowedBy, covered, entitiesOf, wholeTenant, type Sample } from './policy-access.ts';
import { signInLinkToken } from '@passerelle/server/testing';
import { signedPaymentCallback } from '@passerelle/server/testing';

export interface Req {
  path: string;
  body?: Json;
  headers?: Record<string, string>;
  /** A session other than the caller's usual one (logout uses a fresh one). */
  token?: string;
  /** A signed body (the payment callback): the headers that sign another raw body, for a suite that alters it. */
  sign?: (rawBody: string) => Record<string, string>;
}

export interface RouteRule {
  access: 'public' | 'signed-in' | readonly RoleName[];
  /** The rule in words (the role table's row, or why the route is open). */
  rule: string;
  /** An otherwise valid request for `caller`: only the policy may refuse it. Default: the path as is, no body. */
  sample?: (f: Fixtures, caller: Caller) => Promise<Req> | Req;
  /** Runs after the other routes: it signs out or erases the caller. */
  last?: boolean;
}

/** The sample objects, as the policy sees them. */
const acme: Sample = { kind: 'company', companyId: 'acme' };
const offerOf = (authorId: RoleName, status: 'draft' | 'submitted' | 'published'): Sample => ({ kind: 'offer', authorId, companyId: 'acme', targetEntityIds: ['engineering'], status });
const ines: Sample = { kind: 'person', personId: 'student', entityIds: entitiesOf('student') };
const claire: Sample = { kind: 'person', personId: 'alumnus', entityIds: entitiesOf('alumnus') };
/** Erasure samples are asked by a recruiter with no entity. */
const recruiter: Sample = { kind: 'person', personId: 'recruiter', entityIds: [] };
/** Claire's gift to École d'ingénieurs, and Acme's apprenticeship tax for it. */
const gift: Sample = { kind: 'pledge', authorId: 'alumnus', entityId: 'engineering' };
const tax: Sample = { kind: 'pledge', authorId: 'company_rep', companyId: 'acme', entityId: 'engineering' };
/** A verb of the offer state machine: the action the schema's transition table names for it. */
const verb = (name: keyof typeof offerTransitions, offer: Sample) => allowedBy([offerTransitions[name].action, offer]);

const COMPANY_MODERATORS = allowedBy(['company.moderate', acme]);
const EXPORTERS = allowedBy(['records.export', covered]);
const WEBHOOK_MANAGERS = allowedBy(['webhook.manage', { kind: 'webhook', entityId: 'university' }]);
const key = () => ({ 'idempotency-key': randomUUID() });

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

export const routeAccess: Record<string, RouteRule> = {
  'GET /health': { access: 'public', rule: 'liveness probe' },
  'GET /ready': { access: 'public', rule: 'readiness probe: states only, nothing about any person' },
  'GET /v1/openapi.json': { access: 'public', rule: 'the API describes itself' },
  'GET /v1/docs': { access: 'public', rule: 'the API reference, a page drawn from the description' },
  'GET /v1/docs/redoc.standalone.js': { access: 'public', rule: 'the reference page’s script (Redoc), served by the API itself' },

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

  'GET /v1/me': { access: 'signed-in', rule: 'read own identity and roles' },
  'GET /v1/me/export': { access: 'signed-in', rule: 'export own data (recent sign-in)' },
  'GET /v1/me/erasure': { access: 'signed-in', rule: 'own erasure requests' },
  'POST /v1/me/erasure': { access: 'signed-in', rule: 'ask for one’s own erasure', last: true, sample: (f) => ({ path: '/v1/me/erasure', body: f.bodies.erasure() }) },

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

  'GET /v1/mail/people/:personId': {
    access: allowedBy(['consent.read', ines]),
    rule: 'what was sent to a person: staff of their entities and admins (sample: Inès, École d’ingénieurs), as for their consents',
    sample: (f) => ({ path: `/v1/mail/people/${f.demo.people['student-ines']}` }),
  },
  'POST /v1/solicitations': {
    access: allowedBy(['solicitation.record', { kind: 'records', entityIds: ['engineering'] }]),
    rule: 'record a message sent to a person: staff of the sending entity and admins (sample: École d’ingénieurs writes to Inès)',
    sample: (f) => ({ path: '/v1/solicitations', body: { personId: f.demo.people['student-ines'], purpose: 'fundraising', channel: 'email', entityId: f.demo.entities.engineering, campaign: 'Security suite' }, headers: key() }),
  },
  'POST /v1/solicitations/check': {
    access: allowedBy(['solicitation.check', covered]),
    rule: 'who may be contacted now: staff (their entities’ members) and admins',
    sample: (f) => ({ path: '/v1/solicitations/check', body: { people: [f.demo.people['student-ines']], purpose: 'fundraising', channel: 'email' } }),
  },
  'GET /v1/solicitations/people/:personId': {
    access: allowedBy(['solicitation.read', ines]),
    rule: 'who contacted a person: the person, staff of their entities and admins (sample: Inès)',
    sample: (f) => ({ path: `/v1/solicitations/people/${f.demo.people['student-ines']}` }),
  },
  'GET /v1/me/solicitations': { access: 'signed-in', rule: 'what was sent to oneself this month' },
  'POST /v1/mail/links/sign-in': {
    access: 'public',
    rule: 'sign-in: trade a message’s link for a session (a fresh link of Inès’s each time)',
    sample: async (f) => ({ path: '/v1/mail/links/sign-in', body: { tenant: 'demo', token: await signInLinkToken(f.api.t, f.demo.tenantId, f.demo.people['student-ines'], 'ines.martin@etu.demo.test') } }),
  },
  'POST /v1/mail/links/resend': {
    access: 'public',
    rule: 'a fresh link to the address a link went to: the link is the credential',
    sample: async (f) => ({ path: '/v1/mail/links/resend', body: { tenant: 'demo', token: await signInLinkToken(f.api.t, f.demo.tenantId, f.demo.people['student-ines'], 'ines.martin@etu.demo.test') } }),
  },
  'POST /v1/mail/freshness': { access: allowedBy(['records.export', covered]), rule: 'the freshness campaign over the people one looks after: staff, administrators', sample: () => ({ path: '/v1/mail/freshness', body: {} }) },
  'GET /v1/mail/preferences': { access: 'signed-in', rule: 'one’s own optional messages' },
  'PUT /v1/mail/preferences': { access: 'signed-in', rule: 'one’s own optional messages', sample: () => ({ path: '/v1/mail/preferences', body: { kind: 'offer.digest', on: false } }) },
  'POST /v1/mail/unsubscribe': { access: 'public', rule: 'one-click unsubscribe: the link’s token is the credential (an unknown one is 404)', sample: () => ({ path: `/v1/mail/unsubscribe?token=${'A'.repeat(43)}` }) },

  'GET /v1/purposes': { access: 'signed-in', rule: 'the texts the consent centre shows' },
  'POST /v1/purposes': { access: allowedBy(['purpose.manage', wholeTenant]), rule: 'purposes are managed by administrators', sample: (f) => ({ path: '/v1/purposes', body: f.bodies.purpose() }) },
  'GET /v1/purposes/settings': { access: 'signed-in', rule: 'the institution’s default cap, shown to everyone' },
  'PUT /v1/purposes/settings': { access: allowedBy(['consent.setDefaults', wholeTenant]), rule: 'administrators', sample: (f) => ({ path: '/v1/purposes/settings', body: f.bodies.settings() }) },
  'GET /v1/purposes/:id': { access: 'signed-in', rule: 'the texts the consent centre shows', sample: async (f) => ({ path: `/v1/purposes/${await f.shared('purpose', f.make.purpose)}` }) },
  'GET /v1/purposes/:id/versions': { access: 'signed-in', rule: 'the texts people agreed to', sample: async (f) => ({ path: `/v1/purposes/${await f.shared('purpose', f.make.purpose)}/versions` }) },
  'PATCH /v1/purposes/:id': {
    access: allowedBy(['purpose.manage', wholeTenant]),
    rule: 'administrators (If-Match)',
    sample: async (f) => {
      const path = `/v1/purposes/${await f.shared('purpose', f.make.purpose)}`;
      return { path, body: f.bodies.purposePatch(), headers: { 'if-match': await f.etagOf(path) } };
    },
  },

  'GET /v1/erasure-requests': { access: 'signed-in', rule: 'filtered to the requests the caller may process: an empty list for others' },
  'GET /v1/erasure-requests/:id': {
    access: allowedBy(['erasure.process', recruiter]),
    rule: 'staff of the person’s entities and admins (sample: a recruiter with no entity: admins only)',
    sample: async (f) => ({ path: `/v1/erasure-requests/${await f.shared('erasure', f.make.erasureRequest)}` }),
  },
  'POST /v1/erasure-requests/:id/process': {
    access: allowedBy(['erasure.process', recruiter]),
    rule: 'staff of the person’s entities and admins (sample: a recruiter with no entity: admins only)',
    sample: async (f) => ({ path: `/v1/erasure-requests/${await f.shared('erasure-process', f.make.erasureRequest)}/process` }),
  },

  'GET /v1/companies': { access: 'signed-in', rule: 'search companies: everyone' },
  'POST /v1/companies': { access: allowedBy(['company.create', { kind: 'company' }]), rule: 'create a company: staff and admin (others request one)', sample: (f) => ({ path: '/v1/companies', body: f.bodies.company() }) },
  'GET /v1/companies/requests': { access: COMPANY_MODERATORS, rule: 'the verification queue: staff and admin' },
  'POST /v1/companies/requests': { access: 'signed-in', rule: 'anyone may ask to represent a company', sample: (f) => ({ path: '/v1/companies/requests', body: f.bodies.companyRequest() }) },
  'GET /v1/companies/requests/:id': {
    access: ['no_membership', ...COMPANY_MODERATORS],
    rule: 'the requester and the staff who verify',
    sample: async (f) => ({ path: `/v1/companies/requests/${await f.shared('request', () => f.make.companyRequest(f.api.tokens.no_membership))}` }),
  },
  'POST /v1/companies/requests/:id/approve': {
    access: COMPANY_MODERATORS,
    rule: 'staff verify',
    sample: async (f) => ({ path: `/v1/companies/requests/${await f.shared('approve', async () => f.make.companyRequest((await f.api.emailPerson()).token))}/approve` }),
  },
  'POST /v1/companies/requests/:id/refuse': {
    access: COMPANY_MODERATORS,
    rule: 'staff verify',
    sample: async (f) => ({ path: `/v1/companies/requests/${await f.shared('refuse', async () => f.make.companyRequest((await f.api.emailPerson()).token))}/refuse`, body: f.bodies.reason() }),
  },
  'GET /v1/companies/:id': { access: 'signed-in', rule: 'an active company: everyone', sample: (f) => ({ path: `/v1/companies/${f.demo.companies.acme}` }) },
  'PATCH /v1/companies/:id': {
    access: allowedBy(['company.edit', acme]),
    rule: 'edit a company: its representatives, staff, admin (sample: Acme)',
    sample: async (f) => {
      const path = `/v1/companies/${f.demo.companies.acme}`;
      return { path, body: f.bodies.companyPatch(), headers: { 'if-match': await f.etagOf(path) } };
    },
  },

  'GET /v1/companies/:id/offers': {
    access: allowedBy(['offer.companyList', acme]),
    rule: 'every offer of a company, in any state: its representatives and admin (sample: Acme)',
    sample: (f) => ({ path: `/v1/companies/${f.demo.companies.acme}/offers` }),
  },
  'GET /v1/companies/:id/representatives': {
    access: allowedBy(['company.representatives', acme]),
    rule: 'who represents a company: its representatives, staff, admin (sample: Acme)',
    sample: (f) => ({ path: `/v1/companies/${f.demo.companies.acme}/representatives` }),
  },

  'GET /v1/offers/parameters': { access: 'signed-in', rule: 'the form’s legal hints' },
  'GET /v1/offers': { access: 'signed-in', rule: 'published offers; one’s own; the staff queue' },
  'POST /v1/offers': {
    access: allowedBy(['offer.create', { kind: 'offer', companyId: 'acme', targetEntityIds: ['engineering'] }]),
    rule: 'create an offer: students and alumni (moderated), the company’s representative, staff for their entities, admin (sample: Acme, aimed at École d’ingénieurs)',
    sample: (f) => ({ path: '/v1/offers', body: f.bodies.offer(), headers: key() }),
  },
  'GET /v1/offers/:id': { access: 'signed-in', rule: 'a published offer: everyone', sample: async (f) => ({ path: `/v1/offers/${await f.shared('published', f.make.publishedOffer)}` }) },
  'PATCH /v1/offers/:id': {
    access: allowedBy(['offer.read', offerOf('student', 'draft')], ['offer.edit', offerOf('student', 'draft')]),
    rule: 'edit an offer: the author until published, the company’s representatives, staff of a target, admin (sample: Inès’s draft)',
    sample: async (f) => {
      const path = `/v1/offers/${await f.shared('draft', () => f.make.offer('student'))}`;
      return { path, body: f.bodies.offerPatch(), headers: { 'if-match': await f.etagOf(path) } };
    },
  },
  'POST /v1/offers/:id/submit': {
    access: verb('submit', offerOf('student', 'draft')),
    rule: 'the author, the representatives, staff of a target, admin (sample: Inès’s draft)',
    sample: async (f) => ({ path: `/v1/offers/${await f.make.offer('student')}/submit`, headers: key() }),
  },
  'POST /v1/offers/:id/publish': {
    access: verb('publish', offerOf('student', 'submitted')),
    rule: 'moderation: staff of a target, admin (sample: submitted, aimed at École d’ingénieurs)',
    sample: async (f) => ({ path: `/v1/offers/${await f.make.submittedOffer()}/publish` }),
  },
  'POST /v1/offers/:id/reject': {
    access: verb('reject', offerOf('student', 'submitted')),
    rule: 'moderation: staff of a target, admin',
    sample: async (f) => ({ path: `/v1/offers/${await f.make.submittedOffer()}/reject`, body: f.bodies.reason() }),
  },
  'POST /v1/offers/:id/request-changes': {
    access: verb('requestChanges', offerOf('student', 'submitted')),
    rule: 'moderation: staff of a target, admin',
    sample: async (f) => ({ path: `/v1/offers/${await f.make.submittedOffer()}/request-changes`, body: f.bodies.reason() }),
  },
  'POST /v1/offers/:id/withdraw': {
    access: verb('withdraw', offerOf('student', 'draft')),
    rule: 'the author until published, the representatives, staff of a target, admin (sample: Inès’s draft)',
    sample: async (f) => ({ path: `/v1/offers/${await f.make.offer('student')}/withdraw` }),
  },
  'POST /v1/offers/:id/fill': {
    access: verb('fill', offerOf('staff', 'published')),
    rule: 'the representatives, staff of a target, admin (sample: published by staff-eng)',
    sample: async (f) => ({ path: `/v1/offers/${await f.make.publishedOffer()}/fill` }),
  },
  'POST /v1/offers/:id/renew': {
    access: allowedBy([offerRenewal.action, offerOf('staff', 'published')]),
    rule: 'who may edit the offer: the representatives, staff of a target, admin (sample: published by staff-eng)',
    sample: async (f) => ({ path: `/v1/offers/${await f.make.publishedOffer()}/renew`, body: {} }),
  },
  'POST /v1/offers/:id/duplicate': {
    access: allowedBy(['offer.read', offerOf('staff', 'published')], ['offer.create', { kind: 'offer', companyId: 'acme', targetEntityIds: ['engineering'] }]),
    rule: 'who may read the offer and post it again: students and alumni, the company’s representative, staff for their entities, admin (sample: published by staff-eng)',
    sample: async (f) => ({ path: `/v1/offers/${await f.shared('published', f.make.publishedOffer)}/duplicate`, headers: key() }),
  },

  'GET /v1/profiles': { access: 'signed-in', rule: 'the directory, field by field as the owners chose' },
  'GET /v1/profiles/me': { access: 'signed-in', rule: 'own profile' },
  'POST /v1/profiles/me/confirm': {
    access: 'signed-in',
    rule: 'own profile',
    sample: async (f, caller) => {
      if (caller !== 'anonymous') await f.api.send('GET', '/v1/profiles/me', { as: caller });
      return { path: '/v1/profiles/me/confirm' };
    },
  },
  'GET /v1/profiles/:id': { access: 'signed-in', rule: 'what the owner opened to the caller', sample: (f) => ({ path: `/v1/profiles/${f.demo.people['student-ines']}` }) },
  'PATCH /v1/profiles/:id': {
    access: allowedBy(['profile.edit', ines]),
    rule: 'edit a profile: the owner, staff of their entities, admin (sample: Inès)',
    sample: async (f) => {
      const path = `/v1/profiles/${f.demo.people['student-ines']}`;
      return { path, body: f.bodies.profilePatch(), headers: { 'if-match': await f.etagOf(path) } };
    },
  },
  'POST /v1/profiles/:id/review-flags/:flagId/resolve': {
    access: allowedBy(['profile.edit', claire], ['profile.resolveDuplicate', claire]),
    rule: 'duplicates are reviewed by staff of the person’s school and admins (sample: a flag on Claire, École de management)',
    sample: async (f) => {
      const flag = await f.shared('flag', f.make.duplicateFlag);
      return { path: `/v1/profiles/${f.demo.people['alumna-claire']}/review-flags/${flag}/resolve` };
    },
  },

  'GET /v1/pledges/parameters': { access: 'signed-in', rule: 'the pledge form’s rules' },
  'GET /v1/pledges/totals': { access: allowedBy(['pledge.totals', covered]), rule: 'totals per entity: staff and admin' },
  'GET /v1/pledges': { access: 'signed-in', rule: 'the caller’s visible pledges' },
  'POST /v1/pledges': {
    access: allowedBy(['pledge.tax', tax]),
    rule: 'apprenticeship tax: the company’s representative, staff recording it for their entity, admin (sample: Acme → École d’ingénieurs)',
    sample: (f) => ({ path: '/v1/pledges', body: f.bodies.tax(), headers: key() }),
  },
  'POST /v1/pledges/import': { access: allowedBy(['pledge.import', covered]), rule: 'the SOLTéA transfer report: staff and admin', sample: (f) => ({ path: '/v1/pledges/import', body: f.bodies.importCsv() }) },
  'GET /v1/pledges/campaigns': { access: 'signed-in', rule: 'the SOLTéA calendar as it applies, as the pledge form shows it' },
  'PUT /v1/pledges/campaigns/:year': {
    access: allowedBy(['pledge.setCalendar', wholeTenant]),
    rule: 'the national SOLTéA calendar: administrators',
    sample: () => ({ path: '/v1/pledges/campaigns/2031', body: { published: false } }),
  },
  'DELETE /v1/pledges/campaigns/:year': { access: allowedBy(['pledge.setCalendar', wholeTenant]), rule: 'the national SOLTéA calendar: administrators', sample: () => ({ path: '/v1/pledges/campaigns/2031' }) },
  'GET /v1/pledges/payment-pages': { access: allowedBy(['pledge.setPaymentPages', wholeTenant]), rule: 'where gifts are paid: administrators' },
  'PUT /v1/pledges/payment-pages': {
    access: allowedBy(['pledge.setPaymentPages', wholeTenant]),
    rule: 'where gifts are paid: administrators',
    sample: () => ({ path: '/v1/pledges/payment-pages', body: { default: 'https://pay.example/?amount={amount}&ref={reference}', entities: {}, funds: {} } }),
  },
  'POST /v1/pledges/payment-callback': {
    access: 'public',
    rule: 'the institution’s payment page, by its signature (no session): a fresh gift paid, signed with the institution’s secret',
    sample: async (f) => signedPaymentCallback(f.api.t, { reference: await f.make.gift(), amountCents: 30000 }),
  },
  'GET /v1/pledges/:id': {
    access: allowedBy(['pledge.read', gift]),
    rule: 'a pledge: its author, staff of the beneficiary, admin (sample: Claire’s gift to École d’ingénieurs)',
    sample: async (f) => ({ path: `/v1/pledges/${await f.shared('gift', f.make.gift)}` }),
  },
  'PATCH /v1/pledges/:id': {
    access: allowedBy(['pledge.read', gift], ['pledge.readAmount', gift]),
    rule: 'its author, staff of the beneficiary, admin (If-Match)',
    sample: async (f) => {
      const path = `/v1/pledges/${await f.shared('gift', f.make.gift)}`;
      return { path, body: f.bodies.pledgePatch(), headers: { 'if-match': await f.etagOf(path) } };
    },
  },
  'POST /v1/pledges/:id/allocate': {
    access: allowedBy(['pledge.read', tax], ['pledge.readAmount', tax]),
    rule: 'the company, staff of the beneficiary, admin (sample: Acme’s tax for École d’ingénieurs)',
    sample: async (f) => ({ path: `/v1/pledges/${await f.make.taxPledge()}/allocate` }),
  },
  'POST /v1/pledges/:id/receive': {
    access: allowedBy(['pledge.read', tax], ['pledge.receive', tax]),
    rule: 'staff of the beneficiary, admin',
    sample: async (f) => ({ path: `/v1/pledges/${await f.make.taxPledge()}/receive`, body: f.bodies.receive() }),
  },
  'POST /v1/pledges/:id/cancel': {
    access: allowedBy(['pledge.read', tax], ['pledge.readAmount', tax]),
    rule: 'the company, staff of the beneficiary, admin',
    sample: async (f) => ({ path: `/v1/pledges/${await f.make.taxPledge()}/cancel`, body: f.bodies.cancel() }),
  },

  // CRM/ERP exports (policy `records.export`): staff for the entities they cover, administrators for all.
  'GET /v1/exports/people': { access: EXPORTERS, rule: 'records export: staff (their entities) and admin' },
  'GET /v1/exports/offers': { access: EXPORTERS, rule: 'records export: staff (their entities) and admin' },
  'GET /v1/exports/pledges': { access: EXPORTERS, rule: 'records export: staff (their entities) and admin' },
  'GET /v1/exports/receipts': { access: allowedBy(['receipt.list', covered]), rule: 'tax receipts export: staff (their entities) and admin' },

  // Tax receipts of gifts (policy `receipt.*`): who reads the gift's amount downloads it; those who receive the money correct it.
  'GET /v1/receipts': { access: allowedBy(['receipt.list', covered]), rule: 'the tax receipts of the entities one looks after: staff and admin' },
  'GET /v1/receipts/issuer': { access: allowedBy(['receipt.setIssuer', wholeTenant]), rule: 'in whose name receipts are issued: administrators' },
  'PUT /v1/receipts/issuer': {
    access: allowedBy(['receipt.setIssuer', wholeTenant]),
    rule: 'administrators',
    sample: (f) => ({ path: '/v1/receipts/issuer', body: f.bodies.receiptIssuer() }),
  },
  'GET /v1/receipts/:id': {
    access: allowedBy(['receipt.read', gift]),
    rule: 'a gift’s receipt: its donor, staff of the beneficiary, admin (sample: Claire’s gift to École d’ingénieurs)',
    sample: async (f) => ({ path: `/v1/receipts/${await f.shared('receipt', f.make.receipt)}` }),
  },
  'GET /v1/receipts/:id/receipt.pdf': {
    access: allowedBy(['receipt.read', gift]),
    rule: 'its donor, staff of the beneficiary, admin',
    sample: async (f) => ({ path: `/v1/receipts/${await f.shared('receipt', f.make.receipt)}/receipt.pdf` }),
  },
  'POST /v1/receipts/:id/correct': {
    access: allowedBy(['receipt.read', gift], ['receipt.correct', gift]),
    rule: 'staff of the beneficiary, admin',
    sample: async (f) => ({ path: `/v1/receipts/${await f.make.receipt()}/correct`, body: f.bodies.receiptCorrection() }),
  },

  // Webhooks send data out of Passerelle: administrators only (policy `webhook.manage`).
  'POST /v1/webhooks': { access: WEBHOOK_MANAGERS, rule: 'subscribe a URL: administrators', sample: (f) => ({ path: '/v1/webhooks', body: f.bodies.webhook() }) },
  'GET /v1/webhooks': { access: WEBHOOK_MANAGERS, rule: 'administrators' },
  'POST /v1/webhooks/deliveries/:id/retry': {
    access: WEBHOOK_MANAGERS,
    rule: 'administrators',
    sample: async (f) => ({ path: `/v1/webhooks/deliveries/${await f.shared('delivery', f.make.delivery)}/retry` }),
  },
  // The audit log (policy `audit.read`): staff read the entries of the entities they cover, administrators the whole institution's.
  'GET /v1/audit': { access: allowedBy(['audit.read', { kind: 'audit', entityIds: 'covered' }]), rule: 'the audit log: staff (their entities) and admin' },
  'GET /v1/webhooks/:id': { access: WEBHOOK_MANAGERS, rule: 'administrators', sample: async (f) => ({ path: `/v1/webhooks/${await f.shared('webhook', f.make.webhook)}` }) },
  'PATCH /v1/webhooks/:id': {
    access: WEBHOOK_MANAGERS,
    rule: 'administrators (If-Match)',
    sample: async (f) => {
      const path = `/v1/webhooks/${await f.shared('webhook', f.make.webhook)}`;
      return { path, body: f.bodies.webhookPatch(), headers: { 'if-match': await f.etagOf(path) } };
    },
  },
  'DELETE /v1/webhooks/:id': { access: WEBHOOK_MANAGERS, rule: 'administrators', sample: async (f) => ({ path: `/v1/webhooks/${await f.shared('webhook-delete', f.make.webhook)}` }) },
  'POST /v1/webhooks/:id/rotate-secret': { access: WEBHOOK_MANAGERS, rule: 'administrators', sample: async (f) => ({ path: `/v1/webhooks/${await f.shared('webhook', f.make.webhook)}/rotate-secret` }) },
  'GET /v1/webhooks/:id/deliveries': { access: WEBHOOK_MANAGERS, rule: 'administrators', sample: async (f) => ({ path: `/v1/webhooks/${await f.shared('webhook', f.make.webhook)}/deliveries` }) },
};

/** Paths nobody should find: each is 404 problem+json for everyone. */
export const guessedPaths = [
  '/admin',
  '/internal',
  '/export',
  '/v1/admin',
  '/v1/internal',
  '/v1/export',
  '/v1/dev/outbox',
  '/v1/debug',
  '/v1/users',
  '/v1/tenants',
  '/v1/sessions',
  '/v1/audit/raw',
  '/.env',
  '/.git/config',
  '/v1/../etc/passwd',
  '/v1/%2e%2e/%2e%2e/etc/passwd',
  '/server/src/app.ts',
  '/package.json',
  '/data/passerelle.db',
  '/v2/me',
];

/** Who makes an allowed call in the mass-assignment and fuzzing runs: an administrator when allowed, else the first allowed role. */
export function callerFor(rule: RouteRule): Caller {
  if (rule.access === 'public') return 'anonymous';
  if (rule.access === 'signed-in') return 'student';
  return rule.access.includes('admin') ? 'admin' : rule.access[0]!;
}
