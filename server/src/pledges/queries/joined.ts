/**
 * Reading pledges with what their projection names: the beneficiary entity
 * and the pledging company. Every read of a whole pledge goes through here,
 * then through the projection in `server/src/pledges/project.ts`.
 */
import { and, eq, sql, type AnyColumn } from 'drizzle-orm';
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

/** A column of the pledge's entity or company, read by primary key for the row at hand. */
const entityColumn = <T>(column: AnyColumn) => sql<T>`(select ${column} from ${entities} where ${entities.id} = ${pledges.entityId})`;
const companyName = sql<string | null>`(select ${companies.name} from ${companies} where ${companies.id} = ${pledges.companyId})`;

/**
 * Every change of a pledge reads it back through here (a new one is named from
 * the lookups its checks made: pledges/create.ts): built and prepared once
 * (db/prepare-once.ts). The names come from scalar subqueries, not joins: with
 * joins SQLite chose to scan `pledges` whenever its statistics said the table
 * was small (ANALYZE run before the pledges came: every pledge made then read
 * them all) or had none (through the tenant's index); a query on `pledges`
 * alone finds the row by its key either way, on both engines.
 */
const pledgeJoined = prepareOnce((db) => pledgeJoinedById(db).prepare());

/** The statement of {@link findPledgeJoined}, with `tenantId` and `id` as placeholders (exported for its query-plan test). */
export function pledgeJoinedById(db: DbOrTx) {
  return db
    .select({ pledge: pledges, entityName: entityColumn<string>(entities.name), entityUai: entityColumn<string | null>(entities.uai), entitySiret: entityColumn<string | null>(entities.siret), companyName })
    .from(pledges)
    .where(and(eq(pledges.tenantId, sql.placeholder('tenantId')), eq(pledges.id, sql.placeholder('id'))));
}
