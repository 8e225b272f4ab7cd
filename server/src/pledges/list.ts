/**
 * The pledge list, and the columns of its export (`GET /v1/exports/pledges`,
 * audited and streamed: the only pledge export): the same filters (the
 * amount rule applied first), the same sort, the same projection — so hidden
 * amounts are absent from the JSON and empty cells in the CSV.
 */
import * as v from 'valibot';
import { IdSchema, type Actor, type Page, type PaymentPages, type Pledge, type PledgeListQuery } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { listVisiblePledges, type PledgeKeyset } from './queries/list.ts';
import { badCursor, StoredTimeSchema } from '../offers/cursor.ts';
import { authorize } from '../auth/authorize.ts';
import { projectPledge, type PledgeRow } from './project.ts';
import { receiptsOf } from '../receipts/of-pledges.ts';

const encodeCursor = (cur: PledgeKeyset) => Buffer.from(JSON.stringify(cur)).toString('base64url');
/** The keyset a cursor of this sort carries: an amount in cents, or a creation time; and a pledge's id. */
const keysetOf = (q: PledgeListQuery) =>
  v.object({ k: q.sort === 'amount' || q.sort === '-amount' ? v.pipe(v.number(), v.safeInteger()) : StoredTimeSchema, id: IdSchema });

/** A cursor handed out for this sort, read back; a forged one is 400 on every engine (never compared with typed columns). */
function decodeCursor(s: string, q: PledgeListQuery): PledgeKeyset {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const cur = v.safeParse(keysetOf(q), value);
  if (!cur.success) throw badCursor();
  return cur.output;
}

/** The amount rule, before any query: sorting or filtering by amount only over amounts the caller may read. */
function checkAmountQuery(actor: Actor, q: PledgeListQuery): void {
  const usesAmount = q.sort === 'amount' || q.sort === '-amount' || q.minAmountCents !== undefined || q.maxAmountCents !== undefined;
  if (usesAmount) {
    authorize(actor, 'pledge.queryAmounts', { kind: 'records', tenantId: actor.tenantId, entityIds: q.entityId ? [q.entityId] : [] });
  }
}

/** The keyset value of a row for the requested sort. */
const sortKey = (q: PledgeListQuery, p: PledgeRow): string | number => (q.sort === 'amount' || q.sort === '-amount' ? p.sortAmountCents : p.createdAt);

/** One page of the pledges the caller may see, amounts only where they may read them. */
export async function listPledges(db: DbOrTx, actor: Actor, q: PledgeListQuery, paymentUrl: PaymentPages): Promise<Page<Pledge>> {
  checkAmountQuery(actor, q);
  const after = q.cursor ? decodeCursor(q.cursor, q) : undefined;
  const rows = await listVisiblePledges(db, actor, q, { after, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const receipts = await receiptsOf(db, actor, page.map((r) => r.pledge));
  return {
    items: page.map((r) => projectPledge(actor, r, { paymentUrl, receipt: receipts.get(r.pledge.id) })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ k: sortKey(q, last.pledge), id: last.pledge.id }) : null,
  };
}

export const pledgeExportColumns = [
  'id', 'kind', 'status', 'created_at', 'beneficiary', 'uai', 'designation', 'fund', 'company', 'employer_siret', 'donor_name', 'donor_siret', 'frequency',
  'public_thanks', 'campaign_year', 'programme', 'via_accountant', 'currency', 'amount_cents', 'estimated_amount_cents', 'share_percent', 'received_amount_cents', 'received_on',
];
/** The export's cells of one projected pledge (`exports/pledges.ts`): a hidden amount is an absent field, hence an empty cell. */
export const pledgeExportCells = (p: Pledge): unknown[] => [
  p.id, p.kind, p.status, p.createdAt, p.beneficiary.name, p.beneficiary.uai, p.designation?.kind, p.designation?.fund, p.company?.name, p.employerSiret, p.donor?.name, p.donor?.siret,
  p.frequency, p.publicThanks, p.campaignYear, p.programme, p.viaAccountant, p.currency, p.amountCents, p.estimatedAmountCents, p.sharePercent, p.receivedAmountCents, p.receivedOn,
];
