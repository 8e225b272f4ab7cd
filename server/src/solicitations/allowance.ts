/**
 * How many messages a person may still receive this calendar month (UTC),
 * every service together: their cap (their choice, or the institution's
 * default) minus the messages of the ledger and Passerelle's own optional
 * mail of the month. Computed for many people at once: a fixed number of
 * queries per chunk of ids, whatever the number of people.
 */
import type { SolicitationAllowance } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { solicitationCaps, tenantDefaultCap } from '../consents/state.ts';
import { ledgerCounts, optionalMailCounts } from './queries/ledger.ts';

/**
 * Ids per `IN` list: under SQLite's limit on bound variables (32,766 since 3.32) and PostgreSQL's (65,535),
 * with room for the query's other parameters.
 */
export const ID_CHUNK = 5_000;

export function chunksOf<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The calendar month (UTC) of `now`: its name (YYYY-MM) and its bounds [from, to). */
export function monthRange(now: Date, month?: string): { month: string; from: string; to: string } {
  const name = month ?? now.toISOString().slice(0, 7);
  const [y, m] = name.split('-').map(Number) as [number, number];
  return { month: name, from: new Date(Date.UTC(y, m - 1, 1)).toISOString(), to: new Date(Date.UTC(y, m, 1)).toISOString() };
}

/** The allowance of each of these people (all in one chunk: at most `ID_CHUNK` ids) in the month of `now` (or the named one). */
export async function allowancesOfChunk(db: DbOrTx, tenantId: string, personIds: readonly string[], now: Date, defaultCap: number, month?: string): Promise<Map<string, SolicitationAllowance>> {
  const range = monthRange(now, month);
  const caps = await solicitationCaps(db, tenantId, personIds);
  const ledger = await ledgerCounts(db, tenantId, personIds, range.from, range.to);
  const mail = await optionalMailCounts(db, tenantId, personIds, range.from, range.to);
  return new Map(
    personIds.map((id) => {
      const perMonth = caps.get(id) ?? defaultCap;
      const used = (ledger.get(id) ?? 0) + (mail.get(id) ?? 0);
      return [id, { month: range.month, perMonth, used, remaining: Math.max(0, perMonth - used) }];
    }),
  );
}

/** The allowance of any number of people, chunk by chunk. */
export async function allowancesOf(db: DbOrTx, tenantId: string, personIds: readonly string[], now: Date, month?: string): Promise<Map<string, SolicitationAllowance>> {
  const defaultCap = await tenantDefaultCap(db, tenantId);
  const all = new Map<string, SolicitationAllowance>();
  for (const chunk of chunksOf(personIds)) for (const [id, a] of await allowancesOfChunk(db, tenantId, chunk, now, defaultCap, month)) all.set(id, a);
  return all;
}

/** One person's allowance. */
export async function allowanceOf(db: DbOrTx, tenantId: string, personId: string, now: Date, month?: string): Promise<SolicitationAllowance> {
  return (await allowancesOf(db, tenantId, [personId], now, month)).get(personId)!;
}
