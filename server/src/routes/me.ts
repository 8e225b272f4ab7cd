import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import { allowedActions } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { companies, entities, institutions, memberships, people } from '../db/tables/index.ts';
import { notFound } from '../http/problem.ts';

/** The signed-in person, their roles and what the policy lets them do. */
export const meRoutes = new Hono<AppEnv>().use(requireAuth()).get('/', (c) => {
  const { db } = c.var.deps;
  const { actor } = c.var.auth;
  const person = db
    .select({ id: people.id, email: people.email, displayName: people.displayName })
    .from(people)
    .where(and(eq(people.tenantId, actor.tenantId), eq(people.id, actor.personId)))
    .get();
  if (!person) throw notFound('This person');
  const tenant = db.select({ id: institutions.id, slug: institutions.slug, name: institutions.name }).from(institutions).where(eq(institutions.id, actor.tenantId)).get();
  const roles = db
    .select({ id: memberships.id, role: memberships.role, entityId: memberships.entityId, entityName: entities.name, companyId: memberships.companyId, companyName: companies.name })
    .from(memberships)
    .leftJoin(entities, eq(entities.id, memberships.entityId))
    .leftJoin(companies, eq(companies.id, memberships.companyId))
    .where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.personId, actor.personId)))
    .all();
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
