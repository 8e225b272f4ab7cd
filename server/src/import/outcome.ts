/** What the import says about each line, and how the report file writes it. */
import { fieldErrors, type FieldError, type ImportOutcome } from '@passerelle/schema';
import { looksLikeCode } from '@passerelle/schema/messages';
import { inLanguage } from '../http/problem.ts';
import type * as v from 'valibot';
import { csvEncoder, excelFr } from '../csv/write.ts';

export interface RowResult {
  /** The physical line of the file where the record starts. */
  line: number;
  outcome: ImportOutcome;
  /** The person or company created, updated or matched. */
  id: string | null;
  /** What found the existing record: externalId, email, nameYear, siret, name. */
  match: string | null;
  /** The fields that changed (created: the fields given). */
  fields: string[];
  message: string;
}

export const rejected = (line: number, message: string): RowResult => ({ line, outcome: 'rejected', id: null, match: null, fields: [], message });

/** valibot issues as one sentence per field: "graduationYear: A year is four digits, such as 2019." */
export const issuesText = (issues: readonly v.BaseIssue<unknown>[]) =>
  fieldErrors(issues)
    .map((e) => (e.path ? `${e.path}: ${cliWords(e)}` : cliWords(e)))
    .join(' ');

/** A field error for the staff reading the CLI's report: a schema's code in English words, else the schema's own sentence. */
export const cliWords = (e: FieldError): string => (looksLikeCode(e.message) ? inLanguage('en', e) : e.message);

export const reportColumns = ['line', 'outcome', 'id', 'match', 'fields', 'message'] as const;

/** The report as Excel opens it with a double click in France: `;`, UTF-8 with a BOM. */
export function reportCsv(results: readonly RowResult[]): string {
  const csv = csvEncoder(excelFr);
  const parts = [csv.header(reportColumns)];
  for (const r of results) parts.push(csv.line([r.line, r.outcome, r.id, r.match, r.fields.join(' '), r.message]));
  return parts.join('');
}
