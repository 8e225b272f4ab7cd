import { Hono } from 'hono';
import { allowedActions } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { findInstitution } from '../db/tenancy/institutions.ts';
import { listMembershipsWithNames } from '../db/tenancy/memberships.ts';
import { findPersonSummary } from '../db/tenancy/people.ts';
import { notFound } from '../http/problem.ts';

/** The signed-in person, their roles and what the policy lets them do. */
export const meRoutes = new Hono<AppEnv>().use(requireAuth()).get('/', (c) => {
  const { db } = c.var.deps;
  const { actor } = c.var.auth;
  const person = findPersonSummary(db, actor.tenantId, actor.personId);
  if (!person) throw notFound('This person');
  const tenant = findInstitution(db, actor.tenantId);
  const roles = listMembershipsWithNames(db, actor.tenantId, actor.personId);
  return c.json(
    {
      person,
      tenant: tenant ?? null,
      memberships: roles,
      can: allowedActions(actor),
    },
    200,
  );
});
