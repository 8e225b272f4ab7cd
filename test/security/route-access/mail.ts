/** What was sent to a person, the links of messages, the freshness campaign, email preferences, the messages' branding and pages. Who may call each route: see ../route-access.ts. */
import { signInLinkToken } from '@passerelle/server/testing';
import { allowedBy, covered, wholeTenant } from '../policy-access.ts';
import { ines, type RouteRules } from './rule.ts';

export const mailRoutes: RouteRules = {
  'GET /v1/mail/people/:personId': {
    access: allowedBy(['consent.read', ines]),
    rule: 'what was sent to a person: staff of their entities and admins (sample: Inès, École d’ingénieurs), as for their consents',
    sample: (f) => ({ path: `/v1/mail/people/${f.demo.people['student-ines']}` }),
  },
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
  'GET /v1/mail/branding': { access: allowedBy(['mail.configure', wholeTenant]), rule: 'the name and colours of the institution’s messages: administrators' },
  'PUT /v1/mail/branding': {
    access: allowedBy(['mail.configure', wholeTenant]),
    rule: 'the name and colours of the institution’s messages: administrators',
    sample: () => ({ path: '/v1/mail/branding', body: { name: 'Université de Démonstration', primaryColor: '#1f3a93' } }),
  },
  'GET /v1/mail/pages': { access: allowedBy(['mail.configure', wholeTenant]), rule: 'the pages the links of messages open: administrators' },
  'PUT /v1/mail/pages': { access: allowedBy(['mail.configure', wholeTenant]), rule: 'the pages the links of messages open: administrators (sample: none, every link removed)', sample: () => ({ path: '/v1/mail/pages', body: {} }) },
  'GET /v1/mail/preferences': { access: 'signed-in', rule: 'one’s own optional messages' },
  'PUT /v1/mail/preferences': { access: 'signed-in', rule: 'one’s own optional messages', sample: () => ({ path: '/v1/mail/preferences', body: { kind: 'offer.digest', on: false } }) },
  'POST /v1/mail/unsubscribe': { access: 'public', rule: 'one-click unsubscribe: the link’s token is the credential (an unknown one is 404)', sample: () => ({ path: `/v1/mail/unsubscribe?token=${'A'.repeat(43)}` }) },
};
