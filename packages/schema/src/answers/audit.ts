import * as v from 'valibot';
import type { AuditEntry } from '../audit/query.ts';
import { AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from './common.ts';

/** One entry of the audit log: who did what to which object, when, from which origin. */
export const AuditEntrySchema = v.object({
  id: AnswerIdSchema,
  at: AnswerTimeSchema,
  action: v.string(),
  objectType: v.string(),
  objectId: v.nullable(v.string()),
  actor: v.nullable(v.object({ id: v.string(), displayName: v.nullable(v.string()) })),
  subjectId: v.nullable(v.string()),
  origin: v.nullable(v.string()),
  entityIds: v.array(v.string()),
  detail: v.record(v.string(), v.unknown()),
});
type _AuditEntry = Assert<Same<v.InferOutput<typeof AuditEntrySchema>, AuditEntry>>;

export const AuditEntryPageSchema = pageOf(AuditEntrySchema);
