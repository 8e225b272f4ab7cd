import * as v from 'valibot';
import { MeSessionSchema, type SessionGrant } from '../core/auth.ts';
import type { PersonAddresses } from '../addresses/index.ts';
import { actions, roles, type AnnouncedAction } from '../policy/types.ts';
import { AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from './common.ts';

/** A new session (`/v1/auth/exchange`, `/v1/auth/verify`): send `token` as `Authorization: Bearer <token>`. */
export const SessionGrantSchema = v.object({ token: v.string(), expiresAt: AnswerTimeSchema });
type _SessionGrant = Assert<Same<v.InferOutput<typeof SessionGrantSchema>, SessionGrant>>;

/** `POST /v1/auth/email`: the same answer whether the address is known or not. */
export const EmailCodeSentSchema = v.object({ sent: v.literal(true), expiresInMinutes: v.pipe(v.number(), v.integer()) });

/** For each action of the role policy, whether the person could do it somewhere in their institution. */
export const AllowedActionsSchema = v.object(Object.fromEntries(actions.map((a) => [a, v.boolean()])) as { [A in AnnouncedAction]: v.BooleanSchema<undefined> });

/** `GET /v1/me`: the person, their institution and roles, what the policy lets them do, how the session was opened. */
export const MeSchema = v.object({
  person: v.object({ id: AnswerIdSchema, email: v.nullable(v.string()), displayName: v.nullable(v.string()) }),
  tenant: v.nullable(v.object({ id: AnswerIdSchema, slug: v.string(), name: v.string() })),
  /** The roles this session carries (a withheld one is left out). */
  memberships: v.array(
    v.object({
      id: AnswerIdSchema,
      role: v.picklist(roles),
      entityId: v.nullable(AnswerIdSchema),
      entityName: v.nullable(v.string()),
      companyId: v.nullable(AnswerIdSchema),
      companyName: v.nullable(v.string()),
    }),
  ),
  can: AllowedActionsSchema,
  ...MeSessionSchema.entries,
});
export type Me = v.InferOutput<typeof MeSchema>;

/**
 * `POST /v1/auth/exchange`: the session, and what `GET /v1/me` answers for
 * it, so that a page shows who is signed in (and its components start their
 * reads) without a second round trip.
 */
export const ExchangeGrantSchema = v.object({ ...SessionGrantSchema.entries, me: MeSchema });

/** `GET /v1/dev/outbox` (development mode only): the mail that would have been sent, newest first. */
export const DevOutboxSchema = pageOf(v.object({ id: AnswerIdSchema, to: v.string(), subject: v.string(), body: v.string(), createdAt: AnswerTimeSchema }));

/** `GET /v1/me/addresses` (and the answer of a verification or a removal): one's personal addresses. */
export const PersonAddressesSchema = v.object({
  primary: v.nullable(v.string()),
  items: v.array(v.object({ id: AnswerIdSchema, email: v.string(), verifiedAt: AnswerTimeSchema })),
});
type _PersonAddresses = Assert<Same<v.InferOutput<typeof PersonAddressesSchema>, PersonAddresses>>;
