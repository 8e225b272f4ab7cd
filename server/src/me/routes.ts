import { Hono } from 'hono';
import { MeSchema, allowedActions, withheldRoles, type MeSession } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { findInstitution } from '../tenancy/queries/institutions.ts';
import { listMembershipsWithNames } from '../tenancy/queries/memberships.ts';
import { findPersonSummary } from '../tenancy/queries/people.ts';
import { notFound } from '../http/problem.ts';
import { describeRoute } from '../http/describe.ts';
import { rightsRoutes } from '../rights/routes.ts';

/**
 * `/v1/me`, mounted once: the signed-in person, the roles this session
 * carries, what the policy lets them do, how the session was opened and
 * which held roles it withholds; and below it one's rights (`/export`,
 * `/erasure`, rights/routes.ts). Each asks for the session once.
 */
export const meRoutes = new Hono<AppEnv>()
  .get('/', describeRoute({ operationId: 'getMe', summary: 'The signed-in person, their roles and what they may do', tags: ['me'], answers: { 200: MeSchema }, problems: [404] }), requireAuth(), async (c) => {
    const { db } = c.get('deps');
    const { actor, signInMethod } = c.get('auth');
    const person = await findPersonSummary(db, actor.tenantId, actor.personId);
    if (!person) throw notFound('person.notFound');
    const tenant = await findInstitution(db, actor.tenantId);
    const session: MeSession = { signInMethod, withheldRoles: withheldRoles(actor) };
    const memberships = (await listMembershipsWithNames(db, actor.tenantId, actor.personId)).filter((m) => !session.withheldRoles.includes(m.role));
    return c.json(
      {
        person,
        tenant: tenant ?? null,
        memberships,
        can: allowedActions(actor),
        ...session,
      },
      200,
    );
  })
  .route('/', rightsRoutes);
