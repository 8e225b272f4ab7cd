/** Companies, the requests to represent or add one, their offers and representatives. Who may call each route: see ../route-access.ts. */
import { allowedBy, type Sample } from '../policy-access.ts';
import type { RouteRules } from './rule.ts';

/** Acme, as the policy sees it. */
const acme: Sample = { kind: 'company', companyId: 'acme' };
const COMPANY_MODERATORS = allowedBy(['company.moderate', acme]);

export const companiesRoutes: RouteRules = {
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
};
