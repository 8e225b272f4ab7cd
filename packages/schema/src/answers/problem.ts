import * as v from 'valibot';
import { problemTypes } from '../core/problem.ts';
import { messageCodes } from '../messages/codes.ts';
import { allActions } from '../policy/types.ts';
import { AnswerIdSchema, AnswerTimeSchema } from './common.ts';

/** A message's parameters, as its code declares them (messages/codes.ts). */
const MessageParamsSchema = v.record(v.string(), v.unknown());

/**
 * One invalid field of a 400: its dot path (`career.jobTitle`, `emails.0.address`, a header name),
 * the message code and its parameters, and `message`, the code in the reader's language.
 */
export const FieldErrorSchema = v.object({ path: v.string(), code: v.picklist(messageCodes), params: MessageParamsSchema, message: v.string() });

/**
 * RFC 9457 problem details: every refusal of the API. `type` names the kind
 * of problem (one URL per kind); the other members are present only on the
 * problems that carry them. More members may come: a client must ignore the
 * ones it does not know.
 */
export const ProblemSchema = v.looseObject({
  type: v.picklist(Object.values(problemTypes)),
  title: v.string(),
  /** The HTTP status, repeated. */
  status: v.pipe(v.number(), v.integer()),
  /** What happened and what to do, in a sentence for a person, in the language asked (Accept-Language, else the person's, else French). */
  detail: v.string(),
  /** The message code of `detail`: a client words it in its own language with the catalogues of packages/schema. */
  code: v.picklist(messageCodes),
  /** The parameters of `code`. */
  params: MessageParamsSchema,
  /** 400: each invalid field. */
  errors: v.optional(v.array(FieldErrorSchema)),
  /** 403 from the role policy: the action refused. */
  action: v.optional(v.picklist(allActions)),
  /** 409: the object that already exists (a company with this SIRET, an open request). */
  existingId: v.optional(AnswerIdSchema),
  /** 409: where that object is, such as /v1/companies/{id}. */
  existing: v.optional(v.string()),
  /** 409: the object's status, which does not allow the change. */
  currentStatus: v.optional(v.string()),
  /** 409: the hash of the purpose text in force, when the one agreed to is older. */
  currentVersion: v.optional(v.string()),
  /** 409: when the possible duplicate was resolved. */
  resolvedAt: v.optional(v.nullable(AnswerTimeSchema)),
  /** 412 on a profile: the profile as the reader may read it now, to compare with their edit. */
  current: v.optional(v.looseObject({ id: AnswerIdSchema })),
  /** 412 on a profile: the ETag to send back with the new attempt. */
  etag: v.optional(v.string()),
  /** 401: why a valid session is not enough (`recentSignInRequired`: sign in again first). */
  reason: v.optional(v.literal('recentSignInRequired')),
  /** 422: the header whose value was reused. */
  header: v.optional(v.literal('Idempotency-Key')),
});
export type ProblemAnswer = v.InferOutput<typeof ProblemSchema>;
