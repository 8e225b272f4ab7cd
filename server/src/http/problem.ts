import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { problemTypes, type FieldError, type Problem, type ProblemKind } from '@passerelle/schema';

const titles: Record<ProblemKind, string> = {
  validation: 'Invalid request',
  malformed: 'Malformed JSON',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  notFound: 'Not found',
  methodNotAllowed: 'Method not allowed',
  conflict: 'Conflict',
  preconditionFailed: 'Changed since you loaded it',
  preconditionRequired: 'If-Match required',
  tooLarge: 'Request too large',
  unsupportedMediaType: 'Unsupported media type',
  idempotencyMismatch: 'Idempotency key reused',
  tooManyRequests: 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Temporarily unavailable',
  storageFull: 'Storage full',
};

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

/**
 * The RFC 9457 members (`type`, `title`, `status`, `detail`) are always ours:
 * an extra member with one of their names is dropped, so that `status` stays
 * the HTTP status clients check (`{ status: 'approved' }` once replaced it).
 */
export function problemBody(kind: ProblemKind, detail: string, extra: Record<string, unknown> = {}): Problem {
  const { type: _type, title: _title, status: _status, detail: _detail, ...rest } = extra;
  return { type: problemTypes[kind], title: titles[kind], status: statuses[kind], detail, ...rest };
}

export function problemResponse(kind: ProblemKind, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(kind, detail, extra)), {
    status: statuses[kind],
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/**
 * An expected refusal: thrown from anywhere in a request (policy, database
 * layer) and turned into problem+json by the one error handler.
 */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
  toResponse(): Response {
    return problemResponse(this.kind, this.message, this.extra, this.headers);
  }
}

export const validationProblem = (errors: FieldError[], detail = 'Some fields are invalid: see errors.') =>
  new ProblemError('validation', detail, { errors });

export const notFound = (what = 'This resource') => new ProblemError('notFound', `${what} does not exist, or you cannot see it.`);
export const forbidden = (reason: string) => new ProblemError('forbidden', reason);
export const unauthenticated = (detail = 'Sign in to continue: send your session token as `Authorization: Bearer <token>`.') =>
  new ProblemError('unauthenticated', detail, {}, { 'www-authenticate': 'Bearer' });

/** Typed JSON answer for an expected outcome, so the client narrows on the status. */
export function problem<K extends ProblemKind>(c: Context, kind: K, detail: string, extra: Record<string, unknown> = {}) {
  c.header('content-type', 'application/problem+json');
  return c.json(problemBody(kind, detail, extra), statuses[kind]);
}
