import { toJsonSchema, toJsonSchemaDefs, type ConversionConfig } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import {
  AuditEntrySchema,
  ChannelStateSchema,
  CompanyRequestViewSchema,
  CompanyViewSchema,
  ConsentEventViewSchema,
  ConsentOverviewSchema,
  DuplicateFlagSchema,
  ErasureNoticeSchema,
  ErasureRequestViewSchema,
  FieldErrorSchema,
  MeSchema,
  OfferSchema,
  PersonExportSchema,
  PledgeSchema,
  PledgeTotalSchema,
  ProblemSchema,
  ProfileViewSchema,
  PurposeStateSchema,
  PurposeVersionViewSchema,
  PurposeViewSchema,
  SessionGrantSchema,
  ExchangeGrantSchema,
  SolicitationCapViewSchema,
  TaxEstimateSchema,
  WebhookDeliverySchema,
  WebhookSubscriptionSchema,
} from '@passerelle/schema';
import { describedSchemas } from './validate.ts';
import { describedRoutes, tags, type Answer, type Body, type ProblemStatus, type RouteDescription } from './describe.ts';
import { MAX_BODY_BYTES } from './limits.ts';

type JsonSchema = Record<string, unknown>;
type Route = { method: string; path: string; handler: object };

/**
 * Schemas the document names (`#/components/schemas/<name>`): wherever an
 * answer contains one of these very valibot schemas, it points at it, so
 * generated clients get one type per name.
 */
const components: Record<string, GenericSchema> = {
  Problem: ProblemSchema,
  FieldError: FieldErrorSchema,
  SessionGrant: SessionGrantSchema,
  ExchangeGrant: ExchangeGrantSchema,
  Me: MeSchema,
  Company: CompanyViewSchema,
  CompanyRequest: CompanyRequestViewSchema,
  Offer: OfferSchema,
  Pledge: PledgeSchema,
  TaxEstimate: TaxEstimateSchema,
  PledgeTotal: PledgeTotalSchema,
  Purpose: PurposeViewSchema,
  PurposeVersion: PurposeVersionViewSchema,
  PurposeState: PurposeStateSchema,
  ChannelState: ChannelStateSchema,
  SolicitationCap: SolicitationCapViewSchema,
  ConsentOverview: ConsentOverviewSchema,
  ConsentEvent: ConsentEventViewSchema,
  ErasureRequest: ErasureRequestViewSchema,
  ErasureNotice: ErasureNoticeSchema,
  Profile: ProfileViewSchema,
  DuplicateFlag: DuplicateFlagSchema,
  WebhookSubscription: WebhookSubscriptionSchema,
  WebhookDelivery: WebhookDeliverySchema,
  PersonExport: PersonExportSchema,
  AuditEntry: AuditEntrySchema,
};

const ref = (kind: 'schemas' | 'headers' | 'parameters', name: string) => ({ $ref: `#/components/${kind}/${name}` });

const withoutMeta = ({ $schema: _schema, $defs: _defs, ...rest }: JsonSchema): JsonSchema => rest;

const answerConfig: ConversionConfig = {
  target: 'draft-2020-12',
  typeMode: 'output',
  // A transform or a check without a JSON Schema equivalent is described by its type.
  errorMode: 'ignore',
  definitions: components,
  overrideRef: ({ referenceId }) => ref('schemas', referenceId).$ref,
};

/** An answer, as its output: named schemas become references to the components. */
function answerSchema(schema: GenericSchema): JsonSchema {
  return withoutMeta(toJsonSchema(schema, answerConfig) as JsonSchema);
}

/** A request (body, query, path), as the client writes it: the server's transforms and checks without a JSON Schema equivalent still apply. */
function requestSchema(schema: GenericSchema): JsonSchema {
  return withoutMeta(toJsonSchema(schema, { target: 'draft-2020-12', typeMode: 'input', errorMode: 'ignore' }) as JsonSchema);
}

const problemText: Record<ProblemStatus, string> = {
  400: 'Invalid request: `errors` lists each field (or header) and what to do. Also a body that is not JSON.',
  401: 'No valid session: sign in and send `Authorization: Bearer <token>`.',
  403: 'Not allowed, with the reason and what to do instead (also a browser origin the institution has not registered).',
  404: 'Not found — also another institution’s object, or one the caller may not know exists.',
  405: 'Method not allowed here (`Allow` lists the others).',
  409: 'Conflicts with the object’s current state (see `currentStatus`, `existingId`, `currentVersion`).',
  412: 'Changed since it was read (`If-Match` is stale, or it changed while saving): nothing was saved; reload, then apply the change again.',
  413: `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`,
  415: 'A write’s body must be `application/json`.',
  422: 'This `Idempotency-Key` was already used for a different request.',
  428: '`If-Match` is required: send the ETag read, so that nobody’s change is overwritten.',
  429: 'Too many requests: wait `Retry-After` seconds.',
  503: 'The database is busy; nothing was saved: retry after `Retry-After` seconds.',
  507: 'The database is full; nothing was saved.',
};

const problemHeaders: Partial<Record<ProblemStatus, Record<string, unknown>>> = {
  401: { 'WWW-Authenticate': ref('headers', 'WWWAuthenticate') },
  429: { 'Retry-After': ref('headers', 'RetryAfter') },
  503: { 'Retry-After': ref('headers', 'RetryAfter') },
};

const successText: Record<number, string> = { 200: 'OK.', 201: 'Created.', 202: 'Accepted.', 204: 'Done; no content.' };

const isFile = (body: Body): body is Extract<Body, { mediaType: string }> => 'mediaType' in body && typeof body.mediaType === 'string';

function content(answer: Exclude<Answer, null>): Record<string, unknown> {
  const bodies: readonly Body[] = Array.isArray(answer) ? answer : [answer as Body];
  const out: Record<string, unknown> = {};
  for (const body of bodies) {
    if (isFile(body)) {
      out[body.mediaType] = { schema: body.mediaType === 'application/zip' || body.mediaType === 'application/pdf' ? { type: 'string', contentMediaType: body.mediaType, description: body.description } : { type: 'string', description: body.description } };
    } else {
      out['application/json'] = { schema: answerSchema(body) };
    }
  }
  return out;
}

interface Chain {
  description: RouteDescription | undefined;
  json?: GenericSchema;
  query?: GenericSchema;
  param?: GenericSchema;
}

/** The refusals a route may give: those its shape implies, and those it declares. */
export function problemsOf(method: string, chain: Chain): ProblemStatus[] {
  const d = chain.description;
  const write = method !== 'GET' && method !== 'HEAD';
  const found = new Set<ProblemStatus>(d?.problems ?? []);
  const add = (...statuses: ProblemStatus[]) => statuses.forEach((s) => found.add(s));
  if (!d?.public) add(401, 403);
  if (chain.json || chain.query) add(400);
  if (chain.param) add(404);
  if (write) add(413, 415);
  if (d?.ifMatch) add(412, 428);
  if (d?.idempotencyKey) add(400, 409, 422);
  if (write || d?.writes) add(503, 507);
  return [...found].sort((a, b) => a - b);
}

function operation(route: Route, chain: Chain): JsonSchema {
  const d = chain.description;
  const parameters: JsonSchema[] = [];
  const pathSchema = chain.param ? requestSchema(chain.param) : undefined;
  for (const [, name] of route.path.matchAll(/:(\w+)/g)) {
    const schema = (pathSchema?.properties as Record<string, JsonSchema> | undefined)?.[name!] ?? { type: 'string' };
    parameters.push({ name, in: 'path', required: true, schema });
  }
  if (chain.query) {
    const schema = requestSchema(chain.query);
    const required = new Set((schema.required ?? []) as string[]);
    for (const [name, s] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) parameters.push({ name, in: 'query', required: required.has(name), schema: s });
  }
  if (d?.ifMatch) parameters.push(ref('parameters', 'IfMatch'));
  if (d?.idempotencyKey) parameters.push(ref('parameters', 'IdempotencyKey'));

  const responses: Record<string, JsonSchema> = {};
  for (const [status, answer] of Object.entries(d?.answers ?? {}) as [string, Answer][]) {
    const headers: Record<string, unknown> = {};
    if (d?.etag) headers.ETag = ref('headers', 'ETag');
    if (d?.location && (status === '201' || !('201' in (d?.answers ?? {})))) headers.Location = ref('headers', 'Location');
    if (d?.idempotencyKey) headers['Idempotent-Replayed'] = ref('headers', 'IdempotentReplayed');
    if (d?.cacheable) headers['Cache-Control'] = ref('headers', 'CacheControl');
    responses[status] = {
      description: successText[Number(status)] ?? 'Success.',
      ...(Object.keys(headers).length ? { headers } : {}),
      ...(answer === null ? {} : { content: content(answer) }),
    };
  }
  for (const status of problemsOf(route.method, chain)) {
    responses[String(status)] = {
      description: problemText[status],
      ...(problemHeaders[status] ? { headers: problemHeaders[status] } : {}),
      content: { 'application/problem+json': { schema: ref('schemas', 'Problem') } },
    };
  }
  return {
    ...(d ? { operationId: d.operationId, summary: d.summary, ...(d.description ? { description: d.description } : {}), tags: [...d.tags] } : { summary: 'Not described yet.' }),
    ...(parameters.length ? { parameters } : {}),
    ...(chain.json ? { requestBody: { required: true, content: { 'application/json': { schema: requestSchema(chain.json) } } } } : {}),
    responses,
    ...(d?.public ? { security: [] } : {}),
  };
}

/** Each route of the app (method and path) with what its handlers declare. */
export function routeChains(routes: readonly Route[]): Map<Route, Chain> {
  const chains = new Map<string, { route: Route; chain: Chain }>();
  for (const route of routes) {
    if (route.method === 'ALL' || route.path.endsWith('*')) continue;
    const key = `${route.method} ${route.path}`;
    const entry = chains.get(key) ?? chains.set(key, { route, chain: { description: undefined } }).get(key)!;
    const description = describedRoutes.get(route.handler);
    if (description) entry.chain.description = description;
    const validated = describedSchemas.get(route.handler);
    if (validated) entry.chain[validated.target] = validated.schema;
  }
  return new Map([...chains.values()].map(({ route, chain }) => [route, chain]));
}

/**
 * OpenAPI 3.1 built from the app's own route table: each route's
 * `describeRoute` (what it answers, from the shared answer schemas) and the
 * schemas its validators were given. A route cannot be added without
 * appearing here, and `openapi.test.ts` fails on one without a description.
 */
export function buildOpenApi(app: { routes: readonly Route[] }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const usedTags = new Set<string>();
  for (const [route, chain] of routeChains(app.routes)) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route, chain);
    chain.description?.tags.forEach((t) => usedTags.add(t));
  }
  const schemas = toJsonSchemaDefs(components, answerConfig) as Record<string, JsonSchema>;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Passerelle API',
      version: '1.0.0',
      description:
        'The self-service front office of a higher-education institution: profiles, offers, pledges, consents. ' +
        'Send the session token from `/v1/auth/exchange` or `/v1/auth/verify` as `Authorization: Bearer <token>`. ' +
        'Every refusal is RFC 9457 `application/problem+json` (the `Problem` schema); a method a path does not declare is 405 with `Allow`. No answer is ever a 500 by design. ' +
        'Its `title`, `detail` and each `errors[].message` are in the language asked with `Accept-Language` (`fr` or `en`, q-values honoured), else the signed-in person’s preferred language, else French; ' +
        '`code` and `params` (and `errors[].code`, `errors[].params`) are the same message as a stable code, for clients that word it themselves.',
    },
    servers: [{ url: '/' }],
    tags: Object.entries(tags)
      .filter(([name]) => usedTags.has(name))
      .map(([name, description]) => ({ name, description })),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Session token from /v1/auth/exchange or /v1/auth/verify.' } },
      schemas,
      parameters: {
        IfMatch: { name: 'If-Match', in: 'header', required: true, description: 'The `ETag` read: the change is refused (412) if the object changed since.', schema: { type: 'string' } },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'A random value (such as a UUID) made once per form and sent again unchanged on retry: the same request answers the first answer again.',
          schema: { type: 'string', pattern: '^[A-Za-z0-9_\\-:.]{1,200}$' },
        },
      },
      headers: {
        ETag: { description: 'The version read; send it back as `If-Match` to change the object.', schema: { type: 'string' } },
        Location: { description: 'Where the object is.', schema: { type: 'string' } },
        RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
        IdempotentReplayed: { description: '`true` when this is the stored answer of an earlier request with the same `Idempotency-Key`.', schema: { type: 'string', enum: ['true'] } },
        WWWAuthenticate: { description: '`Bearer`.', schema: { type: 'string' } },
        CacheControl: { description: 'The same for everyone: caches may keep it.', schema: { type: 'string' } },
      },
    },
  };
}
