import type { GenericSchema } from 'valibot';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';

/** Success statuses the API answers. */
export type AnswerStatus = 200 | 201 | 202 | 204;

/** Refusals a route may give, each a problem+json document (never a 500). */
export const problemStatuses = [400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 428, 429, 503, 507] as const;
export type ProblemStatus = (typeof problemStatuses)[number];

/** A body that is not JSON: a CSV or zip download, the reference page, its script. */
export interface FileBody {
  readonly mediaType: 'text/csv' | 'application/zip' | 'text/html' | 'text/javascript' | 'application/pdf';
  readonly description: string;
}
export const csvFile: FileBody = { mediaType: 'text/csv', description: 'CSV: `;` separated, UTF-8 with a BOM, CRLF line ends (what a French Excel opens).' };
export const zipFile: FileBody = { mediaType: 'application/zip', description: 'A zip of CSV files, one per table, with a README.txt.' };
export const receiptPdfFile: FileBody = { mediaType: 'application/pdf', description: 'A tax receipt (reçu fiscal) as a PDF, following the official model.' };
export const pdfFile: FileBody = { mediaType: 'application/pdf', description: 'A PDF document (A4, standard fonts), worded in the reader’s language.' };

/** A JSON body (its valibot schema), a file, or several media types the client chooses from (`?format=`). */
export type Body = GenericSchema | FileBody;
/** `null`: no body (204). */
export type Answer = Body | readonly Body[] | null;

/** The sections of the reference, in this order. */
export const tags = {
  service: 'The API itself: liveness, this description and its reference page.',
  auth: 'Sign-in (an identity token from the institution, or an emailed code), sessions and sign-out.',
  me: 'The signed-in person: who they are, their roles, their data and its erasure.',
  consents: 'Consents per purpose and channel, their history, the solicitation cap; the CRM export.',
  purposes: 'Purposes of processing and their versioned texts (administrators).',
  'erasure-requests': 'Erasure requests, processed by staff.',
  companies: 'Companies, and recruiters’ requests to represent one or to add one.',
  offers: 'Internship and job offers, and their moderation.',
  profiles: 'Alumni and student profiles, field by field as their owners chose, and the directory.',
  pledges: 'Donations and apprenticeship-tax pledges.',
  exports: 'Bulk exports for the CRM or ERP (CSV or JSON, streamed).',
  webhooks: 'Webhook subscriptions of the institution’s systems, and their deliveries.',
  audit: 'The audit log: who did what, when and from which origin (staff for their entities, administrators for all).',
  mail: 'The messages emailed to people: what was sent to whom and when (staff), one’s optional messages, one-click unsubscribe.',
  retention: 'People inactive for the institution’s retention period, listed to the staff of their entities for review and anonymisation; the rule’s number of years.',
  dev: 'Development mode only.',
} as const;
export type Tag = keyof typeof tags;

/**
 * What a route answers, for the OpenAPI document (`openapi.ts`). Refusals
 * that follow from the route's shape are added there: 401 and 403 without
 * `public` (the session, and the Origin it is used from), 400 for a body or
 * query schema, 404 for path parameters, 413 and 415 for writes, 412 and 428
 * with `ifMatch`, 400, 409 and 422 with `idempotencyKey`, 503 and 507 for a
 * route that writes. `problems` lists the others.
 */
export interface RouteDescription {
  /** Unique, camelCase: the method name generated clients give the call. */
  readonly operationId: string;
  /** One line, as the reference's menu shows it. */
  readonly summary: string;
  /** More, in Markdown. */
  readonly description?: string;
  readonly tags: readonly [Tag, ...Tag[]];
  readonly answers: Readonly<Partial<Record<AnswerStatus, Answer>>>;
  /** Refusals beyond those implied by the route's shape. */
  readonly problems?: readonly ProblemStatus[];
  /** No session needed (nor checked). */
  readonly public?: true;
  /** The request must carry `If-Match` with the ETag read. */
  readonly ifMatch?: true;
  /** The request must carry an `Idempotency-Key`. */
  readonly idempotencyKey?: true;
  /** Success answers carry an `ETag`. */
  readonly etag?: true;
  /** A 201 (or this route's success) carries `Location`. */
  readonly location?: true;
  /** A GET that writes (an audit entry, a profile made on first visit): it may meet a full or busy database. */
  readonly writes?: true;
  /** Cacheable (`Cache-Control: public`): the description and the reference's files. */
  readonly cacheable?: true;
}

/** The description of each `describeRoute` middleware, read by the OpenAPI generator (as `jsonBody` registers `describedSchemas`). */
export const describedRoutes = new WeakMap<object, RouteDescription>();

/**
 * Declares what a route answers; placed first in the route's handlers:
 * `.get('/', describeRoute({ operationId, summary, tags, answers: { 200: Schema } }), ...)`.
 * Every route of the app must have one (`openapi.test.ts` fails otherwise),
 * and the security suite parses every answer with the schema declared here.
 */
export function describeRoute(description: RouteDescription): MiddlewareHandler<AppEnv> {
  const mw: MiddlewareHandler<AppEnv> = async function describedRoute(_c, next) {
    await next();
  };
  describedRoutes.set(mw, description);
  return mw;
}

/** The description of the route at `method path` among the app's routes (`app.routes`), if it has one. */
export function descriptionOf(routes: readonly { method: string; path: string; handler: object }[], method: string, path: string): RouteDescription | undefined {
  for (const route of routes) {
    if (route.method !== method || route.path !== path) continue;
    const found = describedRoutes.get(route.handler);
    if (found) return found;
  }
  return undefined;
}
