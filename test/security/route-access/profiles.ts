/** Profiles and the directory. Who may call each route: see ../route-access.ts. */
import { allowedBy, entitiesOf, type Sample } from '../policy-access.ts';
import { ines, type RouteRules } from './rule.ts';

const claire: Sample = { kind: 'person', personId: 'alumnus', entityIds: entitiesOf('alumnus') };

export const profilesRoutes: RouteRules = {
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
};
