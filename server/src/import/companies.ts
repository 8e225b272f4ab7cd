/**
 * Importing the institution's companies inside the caller's transaction.
 * They come from the institution's own base, so they are verified (active).
 *
 * Matching: by SIRET → that company is updated with the mapped fields. Else
 * by folded name (and city, when both the line and the company have one):
 * a company with that name and no SIRET, or any when the line has no SIRET,
 * is a possible duplicate — the line is `flagged` and nothing is written, so
 * no twin appears silently. A same-named company with another SIRET is
 * another establishment: the line creates its own.
 */
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { CompanyImportRowSchema, fieldIssues, foldForSearch, sirenOfSiret, type CompanyImportRow } from '@passerelle/schema';
import { staffMessage } from '@passerelle/schema/messages/staff';
import type { Tx } from '../db/open.ts';
import type { AuditEntry } from '../audit/audit.ts';
import { companyInserter, loadCompanies, updateImportedCompany, type CompanyChanges, type CompanyRow } from './queries/companies.ts';
import { rejected, type RowResult } from './outcome.ts';

export interface CompaniesImportContext {
  tenantId: string;
  at: string;
  audit: AuditEntry[];
}

const changeable = ['name', 'siren', 'website', 'city', 'sector'] as const;

export async function companiesImporter(tx: Tx, ctx: CompaniesImportContext) {
  const { tenantId, at } = ctx;
  const bySiret = new Map<string, CompanyRow>();
  const byName = new Map<string, CompanyRow[]>();
  const index = (c: CompanyRow) => {
    if (c.siret) bySiret.set(c.siret, c);
    const key = foldForSearch(c.name);
    byName.set(key, [...(byName.get(key) ?? []), c]);
  };
  const unindexName = (c: CompanyRow) => {
    const key = foldForSearch(c.name);
    byName.set(key, (byName.get(key) ?? []).filter((o) => o !== c));
  };
  for (const c of await loadCompanies(tx, tenantId)) index(c);

  const insert = await companyInserter(tx);

  async function update(line: number, r: CompanyImportRow, company: CompanyRow): Promise<RowResult> {
    const changes: CompanyChanges = {};
    for (const k of changeable) if (r[k] !== undefined && r[k] !== company[k]) changes[k] = r[k];
    // Pending means "a recruiter asked, staff have not verified": the institution's base verifies it.
    if (company.status === 'pending') changes.status = 'active';
    const fields = Object.keys(changes);
    if (fields.length === 0) return { line, outcome: 'unchanged', id: company.id, match: 'siret', fields: [], said: null };
    await updateImportedCompany(tx, tenantId, company.id, changes);
    if (changes.name) unindexName(company);
    Object.assign(company, changes);
    if (changes.name) index(company);
    ctx.audit.push({ action: 'company.import.update', objectType: 'company', objectId: company.id, detail: { line, match: 'siret', fields } });
    return { line, outcome: 'updated', id: company.id, match: 'siret', fields, said: null };
  }

  async function create(line: number, r: CompanyImportRow, given: string[]): Promise<RowResult> {
    if (!r.name) return rejected(line, staffMessage('import.company.needsName'));
    if (!r.siret) return rejected(line, staffMessage('import.company.needsSiret'));
    const company: CompanyRow = {
      id: randomUUID(),
      name: r.name,
      siret: r.siret,
      siren: r.siren ?? sirenOfSiret(r.siret),
      website: r.website ?? null,
      city: r.city ?? null,
      sector: r.sector ?? null,
      status: 'active',
    };
    await insert({ ...company, tenantId, createdBy: null, createdAt: at });
    index(company);
    ctx.audit.push({ action: 'company.import.create', objectType: 'company', objectId: company.id, detail: { line, fields: given } });
    return { line, outcome: 'created', id: company.id, match: null, fields: given, said: null };
  }

  return {
    async row(line: number, cells: Record<string, string>): Promise<RowResult> {
      const parsed = v.safeParse(CompanyImportRowSchema, cells);
      if (!parsed.success) return rejected(line, staffMessage('import.row.invalid', { errors: fieldIssues(parsed.issues) }));
      const r = parsed.output;
      const found = r.siret ? bySiret.get(r.siret) : undefined;
      if (found) return update(line, r, found);
      if (!r.name) return rejected(line, staffMessage(r.siret ? 'import.company.needsName' : 'import.company.needsSiretOrName'));
      const city = r.city ? foldForSearch(r.city) : null;
      const twins = (byName.get(foldForSearch(r.name)) ?? []).filter(
        (c) => (!r.siret || !c.siret) && (!city || !c.city || foldForSearch(c.city) === city),
      );
      if (twins.length > 0) {
        return {
          line,
          outcome: 'flagged',
          id: twins[0]!.id,
          match: 'name',
          fields: [],
          said: staffMessage('import.company.possibleDuplicate', { twins: twins.map((c) => ({ name: c.name, city: c.city, id: c.id })) }),
        };
      }
      return create(line, r, Object.keys(cells));
    },
  };
}
