/** Offers and their state machine. Who may call each route: see ../route-access.ts. */
import { offerRenewal, offerTransitions } from '../../../packages/schema/src/index.ts';
import type { RoleName } from '../harness.ts';
import { allowedBy, type Sample } from '../policy-access.ts';
import { key, type RouteRules } from './rule.ts';

const offerOf = (authorId: RoleName, status: 'draft' | 'submitted' | 'published'): Sample => ({ kind: 'offer', authorId, companyId: 'acme', targetEntityIds: ['engineering'], status });
/** A verb of the offer state machine: the action the schema's transition table names for it. */
const verb = (name: keyof typeof offerTransitions, offer: Sample) => allowedBy([offerTransitions[name].action, offer]);

export const offersRoutes: RouteRules = {
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
};
