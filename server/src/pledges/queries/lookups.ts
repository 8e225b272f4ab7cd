/**
 * What a pledge refers to, read for the pledge forms and checks: the
 * tenant's entities (beneficiaries), its companies, its settings.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { companies, entities, institutions } from '../../db/tables/index.ts';
import { prepareOnce } from '../../db/prepare-once.ts';
import { query } from '../../db/transaction.ts';
import { untilChange } from '../../db/until-change.ts';

/** Every entity of the tenant that may receive a pledge, by name, with the UAI and SIRET a company enters in SOLTéA. */
export function listBeneficiaries(db: DbOrTx, tenantId: string) {
  return query(db, (db) => db.select({ id: entities.id, name: entities.name, kind: entities.kind, uai: entities.uai, siret: entities.siret }).from(entities).where(eq(entities.tenantId, tenantId)).orderBy(asc(entities.name)).all());
}

/**
 * The tenant's beneficiaries as above, kept until the entities change
 * (db/until-change.ts): every pledge names one, or the foundation.
 */
function keptBeneficiaries(db: DbOrTx, tenantId: string) {
  return untilChange(db, `beneficiaries:${tenantId}`, () => listBeneficiaries(db, tenantId));
}

/** A beneficiary as a pledge names it: its id, and the name, UAI and SIRET its projection shows (pledges/project.ts). */
export interface Beneficiary {
  id: string;
  name: string;
  uai: string | null;
  siret: string | null;
}

const beneficiary = (e: Beneficiary): Beneficiary => ({ id: e.id, name: e.name, uai: e.uai, siret: e.siret });

/** One entity of the tenant, or undefined. */
export async function findBeneficiary(db: DbOrTx, tenantId: string, entityId: string): Promise<Beneficiary | undefined> {
  const entity = (await keptBeneficiaries(db, tenantId)).find((e) => e.id === entityId);
  return entity && beneficiary(entity);
}

/** The tenant's foundation (the first by name if several), or undefined. */
export async function findFoundation(db: DbOrTx, tenantId: string): Promise<Beneficiary | undefined> {
  const foundation = (await keptBeneficiaries(db, tenantId)).find((e) => e.kind === 'foundation');
  return foundation && beneficiary(foundation);
}

/** A company of the tenant as a pledge needs it: name, SIRET, SIREN, status. */
export function findPledgingCompany(db: DbOrTx, tenantId: string, companyId: string) {
  return query(db, (db) => pledgingCompany(db).get({ tenantId, companyId }));
}

const pledgingCompany = prepareOnce((db) =>
  db
    .select({ id: companies.id, name: companies.name, siret: companies.siret, siren: companies.siren, status: companies.status })
    .from(companies)
    .where(and(eq(companies.tenantId, sql.placeholder('tenantId')), eq(companies.id, sql.placeholder('companyId'))))
    .prepare(),
);

/** The institution's settings (where its own payment page may be set). */
export function findInstitutionSettings(db: DbOrTx, tenantId: string) {
  return query(db, async (db) => (await db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, tenantId)).get())?.settings);
}
