/**
 * `GET /v1/audit`: reading the audit log (staff for their entities,
 * administrators for the whole institution), newest first, by keyset pages.
 */
import * as v from 'valibot';
import { IdSchema, listQueryEntries } from '../core/common.ts';
import { IsoDateSchema } from '../offers/offer.ts';

/**
 * An action as the log records it (`offer.create`), or a prefix ending with
 * a dot (`offer.`) for every action that starts with it.
 */
export const AuditActionFilterSchema = v.pipe(v.string(), v.maxLength(80), v.regex(/^[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)*\.?$/, 'audit.list.action'));

/**
 * The filters of the audit log. `person`: entries by them (actor) or about
 * them (subject); `action`: exact, or a prefix ending with a dot; `from` and
 * `to`: calendar days in UTC, both included. An unknown key is refused.
 */
export const AuditListQuerySchema = v.pipe(
  v.strictObject({
    ...listQueryEntries(),
    person: v.optional(IdSchema),
    action: v.optional(AuditActionFilterSchema),
    from: v.optional(IsoDateSchema),
    to: v.optional(IsoDateSchema),
  }),
  v.forward(
    v.partialCheck([['from'], ['to']], (q) => q.from === undefined || q.to === undefined || q.from <= q.to, 'audit.list.dateOrder'),
    ['to'],
  ),
);
export type AuditListQuery = v.InferOutput<typeof AuditListQuerySchema>;

/** One entry of the log, as staff and administrators read it. */
export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  objectType: string;
  objectId: string | null;
  /** Who did it; null for the institution's own tools (the CLI, an import run without a person). */
  actor: { id: string; displayName: string | null } | null;
  /** The person the entry is about. */
  subjectId: string | null;
  /** The browser origin (or referrer) the change came from, or the tool that made it. */
  origin: string | null;
  entityIds: string[];
  detail: Record<string, unknown>;
}
