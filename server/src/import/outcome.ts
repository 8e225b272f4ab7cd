/** What the import says about each line, and how the report file writes it. */
import type { ImportOutcome } from '@passerelle/schema';
import type { Language } from '@passerelle/schema/messages';
import { staffWords, type StaffMessage } from '@passerelle/schema/messages/staff';
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
  /** Why the line was rejected or flagged, or a note on it; null when there is nothing to say. */
  said: StaffMessage | null;
}

/** A line as the report writes it: its message in the import's language, and the message's code. */
export type ReportedRow = Omit<RowResult, 'said'> & { code: string; message: string };

export const rejected = (line: number, said: StaffMessage): RowResult => ({ line, outcome: 'rejected', id: null, match: null, fields: [], said });

/** A line's result worded in `language`, with the code of what it says (empty when it says nothing). */
export const reported = (language: Language, r: RowResult): ReportedRow => {
  const { said, ...rest } = r;
  return { ...rest, code: said?.code ?? '', message: said ? staffWords(language, said) : '' };
};

/** The report's columns: `code` came last, so that readers going by position keep working. */
export const reportColumns = ['line', 'outcome', 'id', 'match', 'fields', 'message', 'code'] as const;

/** The report as Excel opens it with a double click in France: `;`, UTF-8 with a BOM. */
export function reportCsv(results: readonly ReportedRow[]): string {
  const csv = csvEncoder(excelFr);
  const parts = [csv.header(reportColumns)];
  for (const r of results) parts.push(csv.line([r.line, r.outcome, r.id, r.match, r.fields.join(' '), r.message, r.code]));
  return parts.join('');
}
