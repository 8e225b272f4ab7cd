import { Hono, type Context } from 'hono';
import { and, asc, count, desc, eq, gt, inArray, lt, ne, or, sum, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import {
  IdSchema,
  PledgeCancelSchema,
  PledgeCreateSchema,
  PledgeImportSchema,
  PledgeListQuerySchema,
  PledgePatchSchema,
  PledgeReceiveSchema,
  estimateTaxReduction,
  taxRulesOn,
  type Actor,
  type DonationCreate,
  type Page,
  type Pledge,
  type PledgeListQuery,
  type PledgeParameters,
  type PledgeTotal,
  type TaxPledgeCreate,
} from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import type { DbOrTx } from '../db/open.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { authorize } from '../auth/authorize.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { ProblemError, forbidden, notFound, validationProblem } from '../http/problem.ts';
import { idempotent, rememberReply } from '../http/idempotency.ts';
import { companies, entities, institutions, pledges } from '../db/tables/index.ts';
import { auditOrigin, writeAudit } from '../db/audit.ts';
import { pledgeConfig } from '../config/pledges.ts';
import { amountQueryRefusal, canReadAmount, canSeePledge, coveredEntityIds, isAdmin, isStaff, managesBeneficiary, visiblePledges } from '../pledges/access.ts';
import { etagOf, projectPledge, type PledgeJoined, type PledgeRow } from '../pledges/project.ts';
import { csvLine, parseTransferReport } from '../pledges/csv.ts';

// Read at import, so that a bad configuration file stops the boot.
const config = pledgeConfig();

const joinedColumns = { pledge: pledges, entityName: entities.name, entityUai: entities.uai, companyName: companies.name };

function selectJoined(db: DbOrTx) {
  return db.select(joinedColumns).from(pledges).innerJoin(entities, eq(entities.id, pledges.entityId)).leftJoin(companies, eq(companies.id, pledges.companyId));
}

/** The pledge if the caller may know it exists; 404 otherwise (another tenant included). */
function loadVisible(db: DbOrTx, actor: Actor, id: string): PledgeJoined {
  const row = selectJoined(db).where(and(eq(pledges.tenantId, actor.tenantId), eq(pledges.id, id))).get();
  if (!row || !canSeePledge(actor, row.pledge)) throw notFound('This pledge');
  return row;
}

/** The institution's own payment page for gifts: its settings first, then the configuration. */
function paymentUrlOf(db: DbOrTx, tenantId: string, slug: string): string | null {
  const settings = db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, tenantId)).get()?.settings;
  const fromSettings = settings?.paymentUrl;
  if (typeof fromSettings === 'string' && /^https:\/\//.test(fromSettings)) return fromSettings;
  return config.paymentUrls[slug] ?? null;
}

const today = (c: Context<AppEnv>) => c.var.deps.clock.now().toISOString().slice(0, 10);

/** Where a gift goes: the entity whose staff receive it. */
function resolveDesignation(db: DbOrTx, tenantId: string, d: DonationCreate['designation']): { entityId: string; fund: string | null } {
  if (d.kind === 'entity') {
    const found = db.select({ id: entities.id }).from(entities).where(and(eq(entities.tenantId, tenantId), eq(entities.id, d.entityId))).get();
    if (!found) throw validationProblem([{ path: 'designation.entityId', message: 'Choose one of the institution’s schools or services.' }]);
    return { entityId: found.id, fund: null };
  }
  if (d.kind === 'fund' && !config.funds.some((f) => f.code === d.fund)) {
    throw validationProblem([{ path: 'designation.fund', message: 'Choose one of the funds offered.' }]);
  }
  const foundation = db.select({ id: entities.id }).from(entities).where(and(eq(entities.tenantId, tenantId), eq(entities.kind, 'foundation'))).orderBy(asc(entities.name)).get();
  if (!foundation) throw validationProblem([{ path: 'designation.kind', message: 'This institution has no foundation: choose a school instead.' }]);
  return { entityId: foundation.id, fund: d.kind === 'fund' ? d.fund : null };
}

function activeCompany(db: DbOrTx, tenantId: string, companyId: string, path: string) {
  const company = db.select({ id: companies.id, name: companies.name, siret: companies.siret, status: companies.status }).from(companies).where(and(eq(companies.tenantId, tenantId), eq(companies.id, companyId))).get();
  if (!company || company.status !== 'active') throw validationProblem([{ path, message: 'Choose a company verified by the institution.' }]);
  return company;
}

/** The estimate of a gift over a year (a monthly gift is twelve payments). */
function estimateGift(c: Context<AppEnv>, donorKind: 'individual' | 'company', amountCents: number, frequency: string, income: { taxableIncomeCents?: number | undefined; turnoverCents?: number | undefined }) {
  const yearly = frequency === 'monthly' ? amountCents * 12 : amountCents;
  return estimateTaxReduction(taxRulesOn(config.taxReduction, today(c)), { donorKind, amountCents: yearly, ...income });
}

function createDonation(c: Context<AppEnv>, input: DonationCreate) {
  const { db } = c.var.deps;
  const { actor } = c.var.auth;
  const { entityId, fund } = resolveDesignation(db, actor.tenantId, input.designation);
  const company = input.donor.kind === 'company' ? activeCompany(db, actor.tenantId, input.donor.companyId, 'donor.companyId') : null;
  authorize(actor, 'pledge.donate', { kind: 'pledge', tenantId: actor.tenantId, authorId: actor.personId, entityId, ...(company ? { companyId: company.id } : {}) });
  if (company && !company.siret) throw validationProblem([{ path: 'donor.companyId', message: 'This company has no SIRET on record, which the tax receipt needs: ask the institution to add it.' }]);
  const taxEstimate = estimateGift(c, input.donor.kind, input.amountCents, input.frequency, input.donor.kind === 'individual' ? { taxableIncomeCents: input.taxableIncomeCents } : { turnoverCents: input.turnoverCents });
  const at = auditOrigin(c).at;
  return {
    tenantId: actor.tenantId,
    kind: 'donation' as const,
    status: 'promised' as const,
    authorId: actor.personId,
    companyId: company?.id ?? null,
    entityId,
    designation: input.designation.kind,
    fund,
    frequency: input.frequency,
    amountCents: input.amountCents,
    sortAmountCents: input.amountCents,
    donorKind: input.donor.kind,
    donorName: input.donor.kind === 'individual' ? input.donor.fullName : company!.name,
    donorSiret: company?.siret ?? null,
    donorAddress: input.donor.address,
    publicThanks: input.publicThanks,
    taxEstimate,
    createdAt: at,
    updatedAt: at,
  };
}

function createTaxPledge(c: Context<AppEnv>, input: TaxPledgeCreate) {
  const { db } = c.var.deps;
  const { actor } = c.var.auth;
  const entity = db.select({ id: entities.id, uai: entities.uai }).from(entities).where(and(eq(entities.tenantId, actor.tenantId), eq(entities.id, input.entityId))).get();
  if (!entity) throw validationProblem([{ path: 'entityId', message: 'Choose one of the institution’s schools.' }]);
  const company = activeCompany(db, actor.tenantId, input.companyId, 'companyId');
  authorize(actor, 'pledge.tax', { kind: 'pledge', tenantId: actor.tenantId, authorId: actor.personId, companyId: company.id, entityId: entity.id });
  if (!entity.uai) throw validationProblem([{ path: 'entityId', message: 'This entity has no UAI, so it cannot receive apprenticeship tax: choose a school.' }]);
  if (!config.apprenticeshipTax.campaigns.some((k) => k.year === input.campaignYear)) {
    throw validationProblem([{ path: 'campaignYear', message: 'There is no apprenticeship-tax campaign for this year: choose the current campaign.' }]);
  }
  const employerSiret = input.employerSiret ?? company.siret;
  if (!employerSiret) throw validationProblem([{ path: 'employerSiret', message: 'Enter the SIRET of the establishment that pays the tax.' }]);
  const at = auditOrigin(c).at;
  return {
    tenantId: actor.tenantId,
    kind: 'apprenticeship_tax' as const,
    status: 'promised' as const,
    authorId: actor.personId,
    companyId: company.id,
    entityId: entity.id,
    amountCents: input.estimatedAmountCents ?? null,
    sortAmountCents: input.estimatedAmountCents ?? 0,
    employerSiret,
    uai: entity.uai,
    programme: input.programme || null,
    shareBasisPoints: Math.round(input.sharePercent * 100),
    campaignYear: input.campaignYear,
    contact: input.contact,
    viaAccountant: input.viaAccountant,
    createdAt: at,
    updatedAt: at,
  };
}

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
  return { column, descending, key: (p: PledgeRow): string | number => (byAmount ? p.sortAmountCents : p.createdAt) };
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

/** Loads a pledge for a state change or an edit: 404 if unseen, 403 if seen but not theirs to change. */
function loadForChange(db: DbOrTx, actor: Actor, id: string, may: (row: PledgeRow) => boolean, reason: string): PledgeJoined {
  const joined = loadVisible(db, actor, id);
  if (!may(joined.pledge)) throw forbidden(reason);
  return joined;
}

const CHANGE_REASON = 'Only the author of a pledge, the pledging company’s representatives, staff of the beneficiary entity or an administrator can change it. Ask the beneficiary’s office.';
const RECEIVE_REASON = 'Only staff of the beneficiary entity or an administrator can record that a pledge was received. Ask the beneficiary’s office.';

/** Applies a change inside a transaction: bumps the version, writes the audit entry, answers the new state. */
function changePledge(c: Context<AppEnv>, joined: PledgeJoined, set: Partial<PledgeRow>, action: string, detail: Record<string, unknown>, expectedVersion?: number) {
  const { db } = c.var.deps;
  const { actor } = c.var.auth;
  const who = auditOrigin(c);
  const p = joined.pledge;
  const updated = db.transaction((tx) => {
    const row = tx
      .update(pledges)
      .set({ ...set, version: p.version + 1, updatedAt: who.at })
      .where(and(eq(pledges.tenantId, actor.tenantId), eq(pledges.id, p.id), eq(pledges.version, expectedVersion ?? p.version)))
      .returning()
      .get();
    if (!row) throw new ProblemError('preconditionFailed', 'This pledge changed since you loaded it. Reload it, check, and try again.');
    writeAudit(tx, who, { action, objectType: 'pledge', objectId: p.id, entityIds: [p.entityId], subjectId: p.authorId, detail });
    return row;
  });
  c.header('etag', etagOf(updated));
  return projectPledge(actor, { ...joined, pledge: updated }, { paymentUrl: paymentUrlOf(db, actor.tenantId, c.var.auth.tenantSlug) });
}

const idParam = pathParams(v.object({ id: IdSchema }));

export const pledgeRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** What the element needs: the tax rules in force, the SOLTéA calendar, suggested amounts, funds, beneficiaries. */
  .get('/parameters', (c) => {
    const { db } = c.var.deps;
    const { actor, tenantSlug } = c.var.auth;
    const day = today(c);
    const year = Number(day.slice(0, 4));
    const campaign = config.apprenticeshipTax.campaigns.find((k) => k.year === year) ?? [...config.apprenticeshipTax.campaigns].sort((a, b) => b.year - a.year)[0] ?? null;
    const body: PledgeParameters = {
      today: day,
      taxReduction: taxRulesOn(config.taxReduction, day),
      campaign,
      solteaUrl: config.apprenticeshipTax.solteaUrl,
      suggestedAmountsCents: config.suggestedAmountsCents,
      funds: config.funds,
      beneficiaries: db.select({ id: entities.id, name: entities.name, kind: entities.kind, uai: entities.uai }).from(entities).where(eq(entities.tenantId, actor.tenantId)).orderBy(asc(entities.name)).all(),
      paymentUrl: paymentUrlOf(db, actor.tenantId, tenantSlug),
    };
    return c.json(body, 200);
  })
  /** Promised versus received per beneficiary entity: staff for their entities, administrators for all. */
  .get('/totals', queryParams(v.object({ campaignYear: PledgeListQuerySchema.entries.campaignYear, kind: PledgeListQuerySchema.entries.kind })), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    if (!isAdmin(actor) && !isStaff(actor)) throw forbidden('Totals per entity are for the staff of the beneficiary entities and administrators. Your own pledges are in GET /v1/pledges.');
    const q = c.req.valid('query');
    const where: SQL[] = [eq(pledges.tenantId, actor.tenantId), ne(pledges.status, 'cancelled')];
    // Totals are of whole entities, so only entities whose every amount the caller may read.
    if (!isAdmin(actor)) where.push(inArray(pledges.entityId, coveredEntityIds(actor)));
    if (q.kind) where.push(eq(pledges.kind, q.kind));
    if (q.campaignYear !== undefined) where.push(eq(pledges.campaignYear, q.campaignYear));
    const rows = db
      .select({ entityId: pledges.entityId, name: entities.name, kind: pledges.kind, count: count(), promised: sum(pledges.amountCents), received: sum(pledges.receivedCents) })
      .from(pledges)
      .innerJoin(entities, eq(entities.id, pledges.entityId))
      .where(and(...where))
      .groupBy(pledges.entityId, entities.name, pledges.kind)
      .orderBy(asc(entities.name), asc(pledges.kind))
      .all();
    const items: PledgeTotal[] = rows.map((r) => ({ entityId: r.entityId, name: r.name, kind: r.kind, count: r.count, promisedCents: Number(r.promised ?? 0), receivedCents: Number(r.received ?? 0), currency: 'EUR' }));
    return c.json({ items }, 200);
  })
  /** The list as CSV, through the same projection as the API (hidden amounts are empty cells). */
  .get('/export', queryParams(PledgeListQuerySchema), (c) => {
    const { db } = c.var.deps;
    const { actor, tenantSlug } = c.var.auth;
    const q = c.req.valid('query');
    const { column, descending } = sortOf(q);
    const rows = selectJoined(db)
      .where(and(...listConditions(actor, q)))
      .orderBy(descending ? desc(column) : asc(column), descending ? desc(pledges.id) : asc(pledges.id))
      .limit(10_000)
      .all();
    const paymentUrl = paymentUrlOf(db, actor.tenantId, tenantSlug);
    const lines = [exportColumns.join(','), ...rows.map((r) => exportRow(projectPledge(actor, r, { paymentUrl })))];
    return c.body(`${lines.join('\r\n')}\r\n`, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="pledges.csv"' });
  })
  /** The pledges the caller may see, amounts only where they may read them. */
  .get('/', queryParams(PledgeListQuerySchema), (c) => {
    const { db } = c.var.deps;
    const { actor, tenantSlug } = c.var.auth;
    const q = c.req.valid('query');
    const where = listConditions(actor, q);
    const { column, descending, key } = sortOf(q);
    if (q.cursor) {
      const cur = decodeCursor(q.cursor);
      const after = descending ? lt : gt;
      where.push(or(after(column, cur.k), and(eq(column, cur.k), after(pledges.id, cur.id))) as SQL);
    }
    const rows = selectJoined(db)
      .where(and(...where))
      .orderBy(descending ? desc(column) : asc(column), descending ? desc(pledges.id) : asc(pledges.id))
      .limit(q.limit + 1)
      .all();
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const paymentUrl = paymentUrlOf(db, actor.tenantId, tenantSlug);
    const body: Page<Pledge> = {
      items: page.map((r) => projectPledge(actor, r, { paymentUrl })),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: key(last.pledge), id: last.pledge.id }) : null,
    };
    return c.json(body, 200);
  })
  /** Pledges a gift or apprenticeship tax. `Idempotency-Key` required: a retry returns the first answer. */
  .post('/', idempotent(), jsonBody(PledgeCreateSchema), (c) => {
    const { db } = c.var.deps;
    const { actor, tenantSlug } = c.var.auth;
    const input = c.req.valid('json');
    const values = input.kind === 'donation' ? createDonation(c, input) : createTaxPledge(c, input);
    const who = auditOrigin(c);
    const paymentUrl = paymentUrlOf(db, actor.tenantId, tenantSlug);
    const { body, etag } = db.transaction((tx) => {
      const row = tx.insert(pledges).values(values).returning().get();
      writeAudit(tx, who, {
        action: `pledge.create`,
        objectType: 'pledge',
        objectId: row.id,
        entityIds: [row.entityId],
        subjectId: actor.personId,
        // No amount in the audit: its readers are not all allowed to see it.
        detail: { kind: row.kind, companyId: row.companyId, campaignYear: row.campaignYear },
      });
      const joined = selectJoined(tx).where(eq(pledges.id, row.id)).get()!;
      const body = projectPledge(actor, joined, { paymentUrl });
      rememberReply(tx, c, 201, body, `/v1/pledges/${row.id}`);
      return { body, etag: etagOf(row) };
    });
    c.header('location', `/v1/pledges/${body.id}`);
    c.header('etag', etag);
    return c.json(body, 201);
  })
  /** Marks received amounts from the SOLTéA transfer report (staff, for their entities; administrators). */
  .post('/import', jsonBody(PledgeImportSchema), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    if (!isAdmin(actor) && !isStaff(actor)) throw forbidden('Only staff of a beneficiary entity or an administrator can import a transfer report.');
    const parsed = parseTransferReport(c.req.valid('json').csv);
    if ('error' in parsed) throw validationProblem([{ path: 'csv', message: parsed.error }], parsed.error);
    const who = auditOrigin(c);
    type LineResult = { line: number; outcome: 'received' | 'alreadyReceived' | 'unmatched' | 'outOfScope' | 'invalid'; pledgeId?: string; message?: string };
    const results: LineResult[] = parsed.invalid.map((i) => ({ line: i.line, outcome: 'invalid', message: i.message }));
    db.transaction((tx) => {
      for (const line of parsed.lines) {
        const candidates = tx
          .select()
          .from(pledges)
          .where(and(eq(pledges.tenantId, actor.tenantId), eq(pledges.kind, 'apprenticeship_tax'), eq(pledges.employerSiret, line.siret), eq(pledges.uai, line.uai), ne(pledges.status, 'cancelled')))
          .orderBy(desc(pledges.campaignYear), asc(pledges.createdAt))
          .all();
        const year = Number(line.date.slice(0, 4));
        const inScope = candidates.filter((p) => managesBeneficiary(actor, p.entityId));
        // The same transfer already recorded (a report imported twice) is not applied again.
        const done = inScope.find((p) => p.status === 'received' && p.receivedOn === line.date && p.receivedCents === line.amountCents);
        const open = inScope.filter((p) => p.status !== 'received');
        const pick = done ? undefined : (open.find((p) => p.campaignYear === year) ?? open[0]);
        if (!pick) {
          const outcome = inScope.length ? 'alreadyReceived' : candidates.length ? 'outOfScope' : 'unmatched';
          const known = done ?? inScope[0];
          results.push({ line: line.line, outcome, ...(known ? { pledgeId: known.id } : {}) });
          continue;
        }
        tx.update(pledges).set({ status: 'received', receivedCents: line.amountCents, receivedOn: line.date, version: pick.version + 1, updatedAt: who.at }).where(eq(pledges.id, pick.id)).run();
        writeAudit(tx, who, { action: 'pledge.receive', objectType: 'pledge', objectId: pick.id, entityIds: [pick.entityId], subjectId: pick.authorId, detail: { via: 'import', line: line.line } });
        results.push({ line: line.line, outcome: 'received', pledgeId: pick.id });
      }
    });
    results.sort((a, b) => a.line - b.line);
    return c.json({ received: results.filter((r) => r.outcome === 'received').length, lines: results }, 200);
  })
  .get('/:id', idParam, (c) => {
    const { db } = c.var.deps;
    const { actor, tenantSlug } = c.var.auth;
    const joined = loadVisible(db, actor, c.req.valid('param').id);
    c.header('etag', etagOf(joined.pledge));
    return c.json(projectPledge(actor, joined, { paymentUrl: paymentUrlOf(db, actor.tenantId, tenantSlug) }), 200);
  })
  /** Edits a pledge (`If-Match`). Amounts change only while it is promised. */
  .patch('/:id', idParam, jsonBody(PledgePatchSchema), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const ifMatch = c.req.header('if-match')?.trim();
    if (!ifMatch || ifMatch === '*') throw new ProblemError('preconditionRequired', 'Send the ETag of the pledge you edited in an If-Match header, so that nobody’s change is overwritten.');
    const joined = loadForChange(db, actor, c.req.valid('param').id, (p) => canReadAmount(actor, p), CHANGE_REASON);
    const p = joined.pledge;
    if (ifMatch !== etagOf(p)) throw new ProblemError('preconditionFailed', 'This pledge changed since you loaded it. Reload it, check, and try again.');
    const input = c.req.valid('json');
    const donation = p.kind === 'donation';
    const wrongKind = (donation ? ['estimatedAmountCents', 'sharePercent', 'programme', 'contact', 'viaAccountant'] : ['amountCents', 'frequency', 'publicThanks', 'address']).filter((k) => k in input);
    if (wrongKind.length) throw validationProblem(wrongKind.map((k) => ({ path: k, message: `This field does not apply to ${donation ? 'a donation' : 'an apprenticeship-tax pledge'}.` })));
    if (p.status === 'cancelled') throw new ProblemError('conflict', 'This pledge was cancelled: make a new pledge instead.');
    const newAmount = donation ? input.amountCents : input.estimatedAmountCents;
    const amountChanges =
      (newAmount !== undefined && newAmount !== p.amountCents) ||
      (input.sharePercent !== undefined && Math.round(input.sharePercent * 100) !== p.shareBasisPoints) ||
      (input.frequency !== undefined && input.frequency !== p.frequency);
    if (amountChanges && p.status !== 'promised') {
      throw new ProblemError('conflict', `This pledge is ${p.status}: its amount can no longer change. Cancel it and make a new pledge, or ask the beneficiary’s office.`);
    }
    const set: Partial<PledgeRow> = {};
    if (newAmount !== undefined) Object.assign(set, { amountCents: newAmount, sortAmountCents: newAmount });
    if (input.sharePercent !== undefined) set.shareBasisPoints = Math.round(input.sharePercent * 100);
    if (input.frequency !== undefined) set.frequency = input.frequency;
    if (input.publicThanks !== undefined) set.publicThanks = input.publicThanks;
    if (input.programme !== undefined) set.programme = input.programme || null;
    if (input.contact !== undefined) set.contact = input.contact;
    if (input.address !== undefined) set.donorAddress = input.address;
    if (input.viaAccountant !== undefined) set.viaAccountant = input.viaAccountant;
    if (donation && (set.amountCents !== undefined || set.frequency !== undefined)) {
      set.taxEstimate = estimateGift(c, p.donorKind ?? 'individual', set.amountCents ?? p.amountCents ?? 0, set.frequency ?? p.frequency ?? 'once', {});
    }
    return c.json(changePledge(c, joined, set, 'pledge.edit', { fields: Object.keys(input) }, p.version), 200);
  })
  /** The company allocated its tax on SOLTéA. */
  .post('/:id/allocate', idParam, (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const joined = loadForChange(db, actor, c.req.valid('param').id, (p) => canReadAmount(actor, p), CHANGE_REASON);
    const p = joined.pledge;
    if (p.kind !== 'apprenticeship_tax') throw new ProblemError('conflict', 'Only an apprenticeship-tax pledge is allocated on SOLTéA; a gift is paid through the institution’s payment page.');
    if (p.status !== 'promised') throw new ProblemError('conflict', `This pledge is ${p.status}: only a promised pledge can be marked allocated.`);
    return c.json(changePledge(c, joined, { status: 'allocated' }, 'pledge.allocate', {}), 200);
  })
  /** The money arrived (staff of the beneficiary, administrators). */
  .post('/:id/receive', idParam, jsonBody(PledgeReceiveSchema), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const joined = loadForChange(db, actor, c.req.valid('param').id, (p) => managesBeneficiary(actor, p.entityId), RECEIVE_REASON);
    const p = joined.pledge;
    if (p.status !== 'promised' && p.status !== 'allocated') throw new ProblemError('conflict', `This pledge is ${p.status}: only a promised or allocated pledge can be received.`);
    const input = c.req.valid('json');
    const received = input.receivedAmountCents ?? p.amountCents;
    if (received === null) throw validationProblem([{ path: 'receivedAmountCents', message: 'Enter the amount received: this pledge has no estimated amount.' }]);
    return c.json(changePledge(c, joined, { status: 'received', receivedCents: received, receivedOn: input.receivedOn ?? today(c) }, 'pledge.receive', {}), 200);
  })
  .post('/:id/cancel', idParam, jsonBody(PledgeCancelSchema), (c) => {
    const { db } = c.var.deps;
    const { actor } = c.var.auth;
    const joined = loadForChange(db, actor, c.req.valid('param').id, (p) => canReadAmount(actor, p), CHANGE_REASON);
    const p = joined.pledge;
    if (p.status !== 'promised' && p.status !== 'allocated') throw new ProblemError('conflict', `This pledge is ${p.status}: it can no longer be cancelled.`);
    return c.json(changePledge(c, joined, { status: 'cancelled' }, 'pledge.cancel', { reason: c.req.valid('json').reason ?? null }), 200);
  });
