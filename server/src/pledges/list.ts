/**
 * The pledge list and its CSV export: the same filters (the amount rule
 * applied first), the same sort, the same projection — so hidden amounts are
 * absent from the JSON and empty cells in the CSV.
 */
import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import type { Actor, Page, Pledge, PledgeListQuery } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { pledges } from '../db/tables/index.ts';
import { forbidden, validationProblem } from '../http/problem.ts';
import { amountQueryRefusal, visiblePledges } from './access.ts';
import { projectPledge, type PledgeRow } from './project.ts';
import { csvLine } from './csv.ts';
import { selectJoined } from './load.ts';

interface Cursor {
  k: string | number;
  id: string;
}
const encodeCursor = (cur: Cursor) => Buffer.from(JSON.stringify(cur)).toString('base64url');
function decodeCursor(s: string): Cursor {
  try {
    const cur = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if ((typeof cur.k === 'string' || typeof cur.k === 'number') && typeof cur.id === 'string') return cur;
  } catch {
    // fall through
  }
  throw validationProblem([{ path: 'cursor', message: 'Invalid cursor: start again from the first page.' }]);
}

/** Filters of the list and the export, with the amount rule applied first. */
function listConditions(actor: Actor, q: PledgeListQuery): SQL[] {
  const usesAmount = q.sort === 'amount' || q.sort === '-amount' || q.minAmountCents !== undefined || q.maxAmountCents !== undefined;
  if (usesAmount) {
    const refusal = amountQueryRefusal(actor, q.entityId);
    if (refusal) throw forbidden(refusal);
  }
  const where: SQL[] = [visiblePledges(actor)];
  if (q.kind) where.push(eq(pledges.kind, q.kind));
  if (q.status) where.push(eq(pledges.status, q.status));
  if (q.entityId) where.push(eq(pledges.entityId, q.entityId));
  if (q.companyId) where.push(eq(pledges.companyId, q.companyId));
  if (q.campaignYear !== undefined) where.push(eq(pledges.campaignYear, q.campaignYear));
  if (q.minAmountCents !== undefined) where.push(gt(pledges.sortAmountCents, q.minAmountCents - 1));
  if (q.maxAmountCents !== undefined) where.push(lt(pledges.sortAmountCents, q.maxAmountCents + 1));
  return where;
}

function sortOf(q: PledgeListQuery) {
  const byAmount = q.sort === 'amount' || q.sort === '-amount';
  const column = byAmount ? pledges.sortAmountCents : pledges.createdAt;
  const descending = q.sort.startsWith('-');
  return {
    column,
    descending,
    order: [descending ? desc(column) : asc(column), descending ? desc(pledges.id) : asc(pledges.id)],
    key: (p: PledgeRow): string | number => (byAmount ? p.sortAmountCents : p.createdAt),
  };
}

/** One page of the pledges the caller may see, amounts only where they may read them. */
export function listPledges(db: DbOrTx, actor: Actor, q: PledgeListQuery, paymentUrl: string | null): Page<Pledge> {
  const where = listConditions(actor, q);
  const { column, descending, order, key } = sortOf(q);
  if (q.cursor) {
    const cur = decodeCursor(q.cursor);
    const after = descending ? lt : gt;
    where.push(or(after(column, cur.k), and(eq(column, cur.k), after(pledges.id, cur.id))) as SQL);
  }
  const rows = selectJoined(db)
    .where(and(...where))
    .orderBy(...order)
    .limit(q.limit + 1)
    .all();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => projectPledge(actor, r, { paymentUrl })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ k: key(last.pledge), id: last.pledge.id }) : null,
  };
}

const exportColumns = [
  'id', 'kind', 'status', 'created_at', 'beneficiary', 'uai', 'designation', 'fund', 'company', 'employer_siret', 'donor_name', 'donor_siret', 'frequency',
  'public_thanks', 'campaign_year', 'programme', 'via_accountant', 'currency', 'amount_cents', 'estimated_amount_cents', 'share_percent', 'received_amount_cents', 'received_on',
];
const exportRow = (p: Pledge) =>
  csvLine([
    p.id, p.kind, p.status, p.createdAt, p.beneficiary.name, p.beneficiary.uai, p.designation?.kind, p.designation?.fund, p.company?.name, p.employerSiret, p.donor?.name, p.donor?.siret,
    p.frequency, p.publicThanks, p.campaignYear, p.programme, p.viaAccountant, p.currency, p.amountCents, p.estimatedAmountCents, p.sharePercent, p.receivedAmountCents, p.receivedOn,
  ]);

/** The whole filtered list (up to 10,000 rows) as CSV text, header first, CRLF line ends. */
export function exportPledgesCsv(db: DbOrTx, actor: Actor, q: PledgeListQuery, paymentUrl: string | null): string {
  const rows = selectJoined(db)
    .where(and(...listConditions(actor, q)))
    .orderBy(...sortOf(q).order)
    .limit(10_000)
    .all();
  const lines = [exportColumns.join(','), ...rows.map((r) => exportRow(projectPledge(actor, r, { paymentUrl })))];
  return `${lines.join('\r\n')}\r\n`;
}
