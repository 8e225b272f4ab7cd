import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { HealthSchema, ReadinessSchema, type Readiness } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import type { Db } from '../db/open.ts';
import { pendingMigrationsOf } from '../db/open.ts';
import { query } from '../db/transaction.ts';
import { describeRoute } from './describe.ts';

/** Background work `/ready` reports on (the webhook deliveries). */
export interface Worker {
  readonly name: string;
  running(): boolean;
}

async function readiness(db: Db, workers: readonly Worker[]): Promise<Readiness> {
  let database: Readiness['checks']['database'] = 'ok';
  let migrations: Readiness['checks']['migrations'] = 'unknown';
  try {
    migrations = await query(db, async (d) => {
      await d.get(sql`select 1`);
      return (await pendingMigrationsOf(d)) === 0 ? 'ok' : 'pending';
    });
  } catch {
    database = 'failed';
  }
  const checks = { database, migrations, workers: workers.every((w) => w.running()) ? ('ok' as const) : ('stopped' as const) };
  const ready = checks.database === 'ok' && checks.migrations === 'ok' && checks.workers === 'ok';
  return { status: ready ? 'ready' : 'not-ready', checks };
}

/**
 * `/health`: the process answers (a liveness probe: restart it if not).
 * `/ready`: it can serve (a readiness probe: send it traffic only if so).
 */
export function serviceRoutes(workers: readonly Worker[]) {
  return new Hono<AppEnv>()
    .get('/health', describeRoute({ operationId: 'getHealth', summary: 'Whether the API process is up', tags: ['service'], public: true, answers: { 200: HealthSchema } }), (c) => c.json({ status: 'ok' as const }, 200))
    .get('/ready', describeRoute({ operationId: 'getReadiness', summary: 'Whether this instance can serve (database, migrations, workers); 503 with the same body when not', tags: ['service'], public: true, answers: { 200: ReadinessSchema } }), async (c) => {
      const body = await readiness(c.get('deps').db, workers);
      // A state of this moment: no cache between the probe and the instance may keep it.
      c.header('cache-control', 'no-store');
      return c.json(body, body.status === 'ready' ? 200 : 503);
    });
}
