/**
 * An offer's typed fields (as a request gives them and as the form edits
 * them), their columns, and the checks run before any write: references to
 * the tenant's company and entities, the yearly legal rules, completeness.
 */
import { missingForSubmission, offerRuleErrors, type FieldIssue, type InternshipParameters, type OfferCreate, type OfferKind, type RemotePolicy } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import type { LoadedOffer } from './queries/offers.ts';
import { findCompanyStatus, findEntityIds } from './queries/references.ts';
import { validationProblem } from '../http/problem.ts';

/** The typed fields of an offer, as stored (null = not given yet). */
export interface Fields {
  companyId: string;
  title: string;
  description: string | null;
  kind: OfferKind;
  targetEntityIds: string[];
  location: string | null;
  remote: RemotePolicy | null;
  startDate: string | null;
  duration: { amount: number; unit: 'months' | 'weeks' } | null;
  weeklyHours: number | null;
  stipend: { amountCents: number } | null;
  apply: string | null;
  expiresOn: string | null;
}

export function fieldsOf(o: LoadedOffer): Fields {
  return {
    companyId: o.companyId,
    title: o.title,
    description: o.description,
    kind: o.kind,
    targetEntityIds: o.targetEntityIds,
    location: o.location,
    remote: o.remote,
    startDate: o.startDate,
    duration: o.durationAmount !== null && o.durationUnit !== null ? { amount: o.durationAmount, unit: o.durationUnit } : null,
    weeklyHours: o.weeklyHours,
    stipend: o.stipendCents !== null ? { amountCents: o.stipendCents } : null,
    apply: o.apply,
    expiresOn: o.expiresOn,
  };
}

export function columnsOf(f: Fields) {
  return {
    companyId: f.companyId,
    title: f.title,
    description: f.description || null,
    kind: f.kind,
    location: f.location || null,
    remote: f.remote,
    startDate: f.startDate,
    durationAmount: f.duration?.amount ?? null,
    durationUnit: f.duration?.unit ?? null,
    weeklyHours: f.weeklyHours,
    stipendCents: f.stipend?.amountCents ?? null,
    apply: f.apply,
    expiresOn: f.expiresOn,
  };
}

/** The company must be an active one of the tenant; targets must be its entities. */
export async function referenceErrors(db: DbOrTx, tenantId: string, f: Fields): Promise<FieldIssue[]> {
  const errors: FieldIssue[] = [];
  const companyStatus = await findCompanyStatus(db, tenantId, f.companyId);
  if (companyStatus === undefined) {
    errors.push({ path: 'companyId', code: 'offer.company.pickOrAsk', params: {} });
  } else if (companyStatus !== 'active') {
    errors.push({ path: 'companyId', code: 'offer.company.pending', params: {} });
  }
  const unique = [...new Set(f.targetEntityIds)];
  const found = await findEntityIds(db, tenantId, unique);
  if (found.length !== unique.length) errors.push({ path: 'targetEntityIds', code: 'offer.targets.fromList', params: {} });
  return errors;
}

/** Rules always; completeness too when the offer is (or is going) beyond draft. */
export function contentErrors(f: Fields, today: string, complete: boolean, parameters: InternshipParameters): FieldIssue[] {
  const ruleInput = {
    kind: f.kind,
    startDate: f.startDate ?? undefined,
    duration: f.duration ?? undefined,
    weeklyHours: f.weeklyHours ?? undefined,
    stipend: f.stipend,
    expiresOn: f.expiresOn ?? undefined,
  };
  return [...(complete ? missingForSubmission(f) : []), ...offerRuleErrors(ruleInput, parameters, today)];
}

export function throwIfAny(errors: FieldIssue[]): void {
  if (errors.length > 0) throw validationProblem(errors);
}

/** The fields of a new offer (targets once each; what was not given is null). */
export function fieldsOfCreate(input: Omit<OfferCreate, 'submit'>): Fields {
  return {
    companyId: input.companyId,
    title: input.title,
    description: input.description ?? null,
    kind: input.kind,
    targetEntityIds: [...new Set(input.targetEntityIds)],
    location: input.location ?? null,
    remote: input.remote ?? null,
    startDate: input.startDate ?? null,
    duration: input.duration ?? null,
    weeklyHours: input.weeklyHours ?? null,
    stipend: input.stipend ?? null,
    apply: input.apply ?? null,
    expiresOn: input.expiresOn ?? null,
  };
}
