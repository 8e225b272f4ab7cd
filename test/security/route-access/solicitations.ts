/** The solicitation ledger: who was contacted, and who may be now. Who may call each route: see ../route-access.ts. */
import { allowedBy, covered } from '../policy-access.ts';
import { ines, key, type RouteRules } from './rule.ts';

export const solicitationsRoutes: RouteRules = {
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
};
