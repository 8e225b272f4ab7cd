/** Pledges, the SOLTéA calendar, the payment pages and callback. Who may call each route: see ../route-access.ts. */
import { signedPaymentCallback } from '@passerelle/server/testing';
import { allowedBy, covered, wholeTenant } from '../policy-access.ts';
import { gift, tax, key, type RouteRules } from './rule.ts';

export const pledgesRoutes: RouteRules = {
  'GET /v1/pledges/parameters': { access: 'signed-in', rule: 'the pledge form’s rules' },
  'GET /v1/pledges/totals': { access: allowedBy(['pledge.totals', covered]), rule: 'totals per entity: staff and admin' },
  'GET /v1/pledges': { access: 'signed-in', rule: 'the caller’s visible pledges' },
  'POST /v1/pledges': {
    access: allowedBy(['pledge.tax', tax]),
    rule: 'apprenticeship tax: the company’s representative, staff recording it for their entity, admin (sample: Acme → École d’ingénieurs)',
    sample: (f) => ({ path: '/v1/pledges', body: f.bodies.tax(), headers: key() }),
  },
  'POST /v1/pledges/import': { access: allowedBy(['pledge.import', covered]), rule: 'the SOLTéA transfer report: staff and admin', sample: (f) => ({ path: '/v1/pledges/import', body: f.bodies.importCsv() }) },
  'GET /v1/pledges/transfers': { access: allowedBy(['pledge.import', covered]), rule: 'the transfers a report kept (unmatched, ambiguous): staff (their schools) and admin' },
  'POST /v1/pledges/transfers/:id/match': {
    access: allowedBy(['pledge.receive', { kind: 'pledge', entityId: 'engineering' }]),
    rule: 'match a kept transfer to one of its pledges: who receives its school’s money, its staff (École d’ingénieurs) and admin',
    sample: async (f) => {
      const { transferId, pledgeId } = await f.make.keptTransfer();
      return { path: `/v1/pledges/transfers/${transferId}/match`, body: { pledgeId } };
    },
  },
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
};
