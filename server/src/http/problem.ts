import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { problemTypes, type FieldIssue, type Problem, type ProblemKind } from '@passerelle/schema';
import { inWords, type Language, type Message, type MessageCode, type ParamsOf } from '@passerelle/schema/messages';
import { en } from '@passerelle/schema/messages/en';
import { fr } from '@passerelle/schema/messages/fr';
import { requestLanguage } from './language.ts';

const catalogues = { fr, en } as const;

/** A message in the words of one language. */
export const inLanguage = (language: Language, said: { code: string; params?: unknown }): string => inWords(catalogues[language], said);

const statuses: Record<ProblemKind, ContentfulStatusCode> = {
  validation: 400,
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  methodNotAllowed: 405,
  conflict: 409,
  preconditionFailed: 412,
  preconditionRequired: 428,
  tooLarge: 413,
  unsupportedMediaType: 415,
  idempotencyMismatch: 422,
  tooManyRequests: 429,
  internal: 500,
  unavailable: 503,
  storageFull: 507,
};

export interface ProblemOptions {
  /** Extension members (`currentStatus`, `existingId`, `current`…). */
  members?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** 400: each invalid field, worded in the reader's language. */
  errors?: readonly FieldIssue[];
}

/** The members a problem document always fills itself: RFC 9457's, and the code of its words. */
const ours = new Set(['type', 'title', 'status', 'detail', 'code', 'params', 'errors']);

/**
 * The problem document in one language. `detail` is `said` in that
 * language, with `code` and `params` beside it so a client can word it in
 * its own; each field error likewise. The RFC 9457 members (`type`,
 * `title`, `status`, `detail`) and ours (`code`, `params`, `errors`) are
 * never taken from `members`, so that `status` stays the HTTP status
 * clients check (`{ status: 'approved' }` once replaced it).
 */
export function problemBody(kind: ProblemKind, said: Message, language: Language, options: ProblemOptions = {}): Problem {
  const rest = Object.fromEntries(Object.entries(options.members ?? {}).filter(([name]) => !ours.has(name)));
  const errors = options.errors?.map((e) => ({ ...e, message: inLanguage(language, e) }));
  return {
    type: problemTypes[kind],
    title: inLanguage(language, { code: 'problem.title', params: { kind } }),
    status: statuses[kind],
    detail: inLanguage(language, said),
    code: said.code,
    params: said.params,
    ...(errors ? { errors } : {}),
    ...rest,
  };
}

/** A problem+json answer in the request's language. */
export async function problemResponse(c: Context, kind: ProblemKind, said: Message, options: ProblemOptions = {}): Promise<Response> {
  return new Response(JSON.stringify(problemBody(kind, said, await requestLanguage(c), options)), {
    status: statuses[kind],
    headers: { 'content-type': 'application/problem+json', ...options.headers },
  });
}

/** The parameters of a code (optional when it takes none), then the problem's options. */
type ProblemArgs<C extends MessageCode> = Record<never, never> extends ParamsOf<C> ? [params?: ParamsOf<C>, options?: ProblemOptions] : [params: ParamsOf<C>, options?: ProblemOptions];

/**
 * An expected refusal: thrown from anywhere in a request (policy, database
 * layer) and turned into problem+json by the one error handler, in the
 * request's language:
 *
 * ```ts
 * throw new ProblemError('conflict', 'offer.closed', { status }, { members: { currentStatus: status } });
 * throw new ProblemError('notFound', 'offer.notFound');
 * ```
 */
export class ProblemError<C extends MessageCode = MessageCode> extends Error {
  readonly said: Message;
  readonly options: ProblemOptions;
  constructor(
    readonly kind: ProblemKind,
    code: C,
    ...[params, options]: ProblemArgs<C>
  ) {
    super(code);
    // ProblemArgs typed `params` by the code; TypeScript cannot narrow the Message union by a generic code.
    this.said = { code, params: params ?? {} } as Message;
    this.options = options ?? {};
  }

  /** The problem of a message already made (a policy decision's reason). */
  static of(kind: ProblemKind, said: Message, options: ProblemOptions = {}): ProblemError {
    // A Message's parameters are those of its code; a rest tuple cannot be matched against the union of codes.
    return new ProblemError(kind, said.code, ...([said.params, options] as unknown as ProblemArgs<typeof said.code>));
  }

  toResponse(c: Context): Promise<Response> {
    return problemResponse(c, this.kind, this.said, this.options);
  }
}

/** 400 with each invalid field (`errors[]`: path, code, params, and the words). */
export function validationProblem(errors: readonly FieldIssue[]): ProblemError {
  return new ProblemError('validation', 'request.invalid', {}, { errors });
}

/** Codes that take no parameters: what `notFound` and `unauthenticated` say. */
type PlainCode = { [C in MessageCode]: Record<never, never> extends ParamsOf<C> ? C : never }[MessageCode];

/** 404 saying that this kind of object does not exist, or is not the reader's to see (`offer.notFound`). */
export function notFound(code: PlainCode = 'resource.notFound'): ProblemError {
  return ProblemError.of('notFound', { code, params: {} } as Message);
}

/** 403 with the policy's reason. */
export function forbidden(reason: Message): ProblemError {
  return ProblemError.of('forbidden', reason);
}

/** 401 asking for a session (`WWW-Authenticate: Bearer`). */
export function unauthenticated(code: PlainCode = 'auth.required'): ProblemError {
  return ProblemError.of('unauthenticated', { code, params: {} } as Message, { headers: { 'www-authenticate': 'Bearer' } });
}

