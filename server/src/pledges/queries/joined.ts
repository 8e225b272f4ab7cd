/**
 * Reading pledges with what their projection names: the beneficiary entity
 * and the pledging company. Every read of a whole pledge goes through here,
 * then through the projection in `server/src/pledges/project.ts`.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { companies, entities, pledges } from '../../db/tables/index.ts';
import type { PledgeJoined } from '../project.ts';
import { query } from '../../db/transaction.ts';
import { prepareOnce } from '../../db/prepare-once.ts';

const joinedColumns = { pledge: pledges, entityName: entities.name, entityUai: entities.uai, entitySiret: entities.siret, companyName: companies.name };

/** The pledge joined to its beneficiary and company: the shape `PledgeJoined`. For this folder's queries. */
export function selectJoined(db: DbOrTx) {
  return db.select(joinedColumns).from(pledges).innerJoin(entities, eq(entities.id, pledges.entityId)).leftJoin(companies, eq(companies.id, pledges.companyId));
}

/** One pledge of the tenant with its beneficiary and company names, or undefined. */
export function findPledgeJoined(db: DbOrTx, tenantId: string, id: string): Promise<PledgeJoined | undefined> {
  return query(db, (db) => pledgeJoined(db).get({ tenantId, id }));
}

// Every write of a pledge reads it back through here: built and prepared once (db/prepare-once.ts).
const pledgeJoined = prepareOnce((db) => selectJoined(db).where(and(eq(pledges.tenantId, sql.placeholder('tenantId')), eq(pledges.id, sql.placeholder('id')))).prepare());
