import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { CompanyCreateSchema, IdSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { authorize } from '../auth/authorize.ts';
import { jsonBody, pathParams } from '../http/validate.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { companies } from '../db/tables/index.ts';
import { auditOrigin, writeAudit } from '../db/audit.ts';

const companyColumns = { id: companies.id, name: companies.name, siret: companies.siret, siren: companies.siren, website: companies.website, status: companies.status };

export const companyRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** Creates an active company (staff and admin). */
  .post('/', jsonBody(CompanyCreateSchema), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    authorize(actor, 'company.create', { kind: 'company', tenantId: actor.tenantId });
    const input = c.req.valid('json');
    const who = auditOrigin(c);
    const company = db.transaction((tx) => {
      const existing = tx
        .select({ id: companies.id, name: companies.name })
        .from(companies)
        .where(and(eq(companies.tenantId, actor.tenantId), eq(companies.siret, input.siret)))
        .get();
      if (existing) {
        throw new ProblemError('conflict', `A company with this SIRET already exists: ${existing.name}.`, { existingId: existing.id, existing: `/v1/companies/${existing.id}` });
      }
      const row = tx
        .insert(companies)
        .values({ tenantId: actor.tenantId, name: input.name, siret: input.siret, siren: input.siret.slice(0, 9), website: input.website ?? null, status: 'active', createdBy: actor.personId, createdAt: who.at })
        .returning(companyColumns)
        .get();
      writeAudit(tx, who, { action: 'company.create', objectType: 'company', objectId: row.id, detail: { name: row.name, siret: row.siret } });
      return row;
    });
    c.header('location', `/v1/companies/${company.id}`);
    return c.json(company, 201);
  })
  .get('/:id', pathParams(v.object({ id: IdSchema })), (c) => {
    const { actor } = c.var.auth;
    authorize(actor, 'company.search', { kind: 'company', tenantId: actor.tenantId });
    const row = c.var.deps.db
      .select(companyColumns)
      .from(companies)
      .where(and(eq(companies.tenantId, actor.tenantId), eq(companies.id, c.req.valid('param').id)))
      .get();
    if (!row) throw notFound('This company');
    return c.json(row, 200);
  });
