/** Tax receipts of gifts. Who may call each route: see ../route-access.ts. */
import { allowedBy, covered, wholeTenant } from '../policy-access.ts';
import { gift, tax, type RouteRules } from './rule.ts';

export const receiptsRoutes: RouteRules = {
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
};
