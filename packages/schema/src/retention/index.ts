/**
 * Retention (issue 20 item 5): people who have shown no sign of life for a
 * number of years are listed to the staff of their entities, who review them
 * and have them anonymised (the erasure machinery, without a request from the
 * person). The number of years is the institution's; by default three, the
 * CNIL's recommendation for files of prospects (and, by analogy, alumni): the
 * data is kept three years from the last contact that came from the person.
 */
import * as v from 'valibot';
import { listQueryEntries } from '../core/common.ts';
import { AnswerDateSchema, AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from '../answers/common.ts';

/** The CNIL's recommendation: three years from the last contact that came from the person. */
export const RETENTION_DEFAULT_YEARS = 3;
export const RETENTION_MIN_YEARS = 1;
export const RETENTION_MAX_YEARS = 10;

/**
 * What counts as a sign of life, each coming from the person: signing in;
 * confirming ("still accurate") or changing one's own profile; a gift or
 * pledge one made; a consent or solicitation-cap choice one made (not one
 * recorded for one, such as an erasure's withdrawals); a membership given or
 * changed (a new class, school or role); and, for someone never seen since,
 * when Passerelle first recorded them (`recorded`).
 */
export const retentionActivities = ['signIn', 'profile', 'gift', 'consent', 'membership', 'recorded'] as const;
export type RetentionActivity = (typeof retentionActivities)[number];

/** Who the rule never lists: the institution's own accounts (staff, administrators, the DPO) and people who asked to be erased (the erasure queue's). */
export const retentionExcludedRoles = ['staff', 'admin', 'dpo'] as const;

const YearsSchema = v.pipe(
  v.number('retention.years.range'),
  v.integer('retention.years.range'),
  v.minValue(RETENTION_MIN_YEARS, 'retention.years.range'),
  v.maxValue(RETENTION_MAX_YEARS, 'retention.years.range'),
);

/** `PUT /v1/retention/rule`: the number of years without activity after which people are listed; `null` goes back to the default. */
export const RetentionRuleInputSchema = v.strictObject({ inactiveYears: v.nullable(YearsSchema) });
export type RetentionRuleInput = v.InferOutput<typeof RetentionRuleInputSchema>;

/** The rule in force, as the staff desk shows it. */
export interface RetentionRule {
  inactiveYears: number;
  /** `institution`: set by an administrator (API or command line); `default`: the CNIL's three years. */
  source: 'default' | 'institution';
  defaultYears: number;
  /** People with no activity on or after this day (UTC) are listed: today, `inactiveYears` ago. */
  inactiveSince: string;
  /** What counts as activity. */
  activities: RetentionActivity[];
}
export const RetentionRuleSchema = v.object({
  inactiveYears: v.pipe(v.number(), v.integer()),
  source: v.picklist(['default', 'institution']),
  defaultYears: v.pipe(v.number(), v.integer()),
  inactiveSince: AnswerDateSchema,
  activities: v.array(v.picklist(retentionActivities)),
});
type _Rule = Assert<Same<v.InferOutput<typeof RetentionRuleSchema>, RetentionRule>>;

/** `GET /v1/retention/inactive`: paging only (the caller's entities are the scope). */
export const RetentionListQuerySchema = v.object({ ...listQueryEntries() });

/** A person listed for review: who, where, and their last sign of life. */
export interface InactivePerson {
  personId: string;
  displayName: string | null;
  /** Their entities (school, association…) by name, and the roles they hold there. */
  memberships: { entityId: string; entityName: string; role: string }[];
  lastActivity: { kind: RetentionActivity; at: string };
}
export const InactivePersonSchema = v.object({
  personId: AnswerIdSchema,
  displayName: v.nullable(v.string()),
  memberships: v.array(v.object({ entityId: AnswerIdSchema, entityName: v.string(), role: v.string() })),
  lastActivity: v.object({ kind: v.picklist(retentionActivities), at: AnswerTimeSchema }),
});
type _Person = Assert<Same<v.InferOutput<typeof InactivePersonSchema>, InactivePerson>>;

/** One page of inactive people of the caller's entities, with the rule that listed them. */
export const RetentionPageSchema = v.object({ ...pageOf(InactivePersonSchema).entries, rule: RetentionRuleSchema });
export type RetentionPage = v.InferOutput<typeof RetentionPageSchema>;

/** `POST /v1/retention/people/:personId/anonymise`: what the erasure did (the erasure request it recorded, processed). */
export interface RetentionAnonymised {
  personId: string;
  erasureRequestId: string;
  anonymisedAt: string;
  /** What each area did, as an erasure request's outcome records it. */
  outcome: Record<string, string>;
}
export const RetentionAnonymisedSchema = v.object({
  personId: AnswerIdSchema,
  erasureRequestId: AnswerIdSchema,
  anonymisedAt: AnswerTimeSchema,
  outcome: v.record(v.string(), v.string()),
});
type _Anonymised = Assert<Same<v.InferOutput<typeof RetentionAnonymisedSchema>, RetentionAnonymised>>;
