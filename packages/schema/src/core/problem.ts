import type { Message } from '../messages/codes.ts';

/**
 * RFC 9457 problem details, as every error of the API is shaped. The elements
 * read `errors` to put each message next to its field.
 */

/** One invalid field as a code: where (`path`, the dot path such as `career.jobTitle` or `emails.0.address`) and what (`code`, `params`). */
export type FieldIssue = { path: string } & Message;

/**
 * One invalid field as the API answers it: the issue and its `message`, the
 * code in the reader's language. (Before the server words it — from
 * `fieldErrors` or the offer rules — `message` is the schema's own words.)
 */
export type FieldError = FieldIssue & { message: string };

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The message code of `detail` and its parameters (a client words it in its own language). */
  code?: string;
  params?: Record<string, unknown>;
  errors?: FieldError[];
  /** Extra members, e.g. `existingId` on a duplicate company. */
  [extension: string]: unknown;
}

export const problemTypes = {
  validation: 'https://passerelle.dev/problems/validation',
  malformed: 'https://passerelle.dev/problems/malformed-json',
  unauthenticated: 'https://passerelle.dev/problems/unauthenticated',
  forbidden: 'https://passerelle.dev/problems/forbidden',
  notFound: 'https://passerelle.dev/problems/not-found',
  methodNotAllowed: 'https://passerelle.dev/problems/method-not-allowed',
  conflict: 'https://passerelle.dev/problems/conflict',
  preconditionFailed: 'https://passerelle.dev/problems/precondition-failed',
  preconditionRequired: 'https://passerelle.dev/problems/precondition-required',
  tooLarge: 'https://passerelle.dev/problems/payload-too-large',
  unsupportedMediaType: 'https://passerelle.dev/problems/unsupported-media-type',
  idempotencyMismatch: 'https://passerelle.dev/problems/idempotency-key-reused',
  tooManyRequests: 'https://passerelle.dev/problems/too-many-requests',
  internal: 'https://passerelle.dev/problems/internal',
  unavailable: 'https://passerelle.dev/problems/unavailable',
  storageFull: 'https://passerelle.dev/problems/storage-full',
} as const;
export type ProblemKind = keyof typeof problemTypes;
