/**
 * How the engine runs a prepared statement, for the tests that check a
 * lookup reads one row however many the table holds. Each engine is asked
 * for the plan it gives the statement as the server prepares it: PostgreSQL
 * the generic plan (made without the values, which a named statement gets
 * after five runs), SQLite the one plan it makes per statement
 * (db/values-unseen.ts).
 */
import { sql } from 'drizzle-orm';
import { sqliteOf, type Db } from './open.ts';
import { postgresEngineOf } from './postgres/open.ts';
import { toPostgres } from './postgres/statements.ts';
import { valuesUnseen } from './values-unseen.ts';

/** One node of PostgreSQL's plan, as `EXPLAIN (ANALYZE, FORMAT JSON)` gives it. */
export type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

export type QueryPlan =
  | { engine: 'postgres'; plan: PlanNode; nodeOf(relation: string): PlanNode | undefined }
  | { engine: 'sqlite'; details: string[] };

/** The plan of `text` (drizzle's SQL, `?` placeholders) run with `values`. */
export async function queryPlan(db: Db, text: string, values: readonly string[]): Promise<QueryPlan> {
  const engine = postgresEngineOf(db);
  if (!engine) {
    const details = sqliteOf(db)
      .all<{ detail: string }>(sql.raw(`EXPLAIN QUERY PLAN ${valuesUnseen(text).replaceAll('?', "''")}`))
      .map((r) => r.detail);
    return { engine: 'sqlite', details };
  }
  const client = await engine.pool.connect();
  const name = `plan_${process.pid}_${Date.now()}`;
  try {
    await client.query('SET plan_cache_mode = force_generic_plan');
    await client.query(`PREPARE ${name} AS ${toPostgres(text)}`);
    const literals = values.map((v) => client.escapeLiteral(v)).join(', ');
    // The pool reads JSON as its text (db/postgres/open.ts).
    const [explained] = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE ${name}(${literals})`)).rows;
    const plan = (JSON.parse(explained!['QUERY PLAN']) as [{ Plan: PlanNode }])[0].Plan;
    const nodeOf = (relation: string, node: PlanNode = plan): PlanNode | undefined =>
      node['Relation Name'] === relation ? node : (node.Plans ?? []).map((n) => nodeOf(relation, n)).find(Boolean);
    return { engine: 'postgres', plan, nodeOf: (relation) => nodeOf(relation) };
  } finally {
    // Only this statement: node-postgres keeps track of the ones it prepared on the connection.
    await client.query(`DEALLOCATE ${name}`).catch(() => {});
    await client.query('RESET plan_cache_mode').catch(() => {});
    client.release();
  }
}
