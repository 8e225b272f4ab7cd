import * as v from 'valibot';
import { validator } from 'hono/validator';
import type { MiddlewareHandler } from 'hono';
import { fieldIssues } from '@passerelle/schema';
import { ProblemError, validationProblem } from './problem.ts';

type AnySchema = v.GenericSchema;
// Hono's own validator middleware is typed with an `any` env: it adds nothing to the route's env.
type ValidatorEnv = any;

/** Schemas attached to the validator middlewares, read by the OpenAPI generator. */
export const describedSchemas = new WeakMap<object, { target: 'json' | 'query' | 'param'; schema: AnySchema }>();

/**
 * The path of the first string in `value` that is not well-formed UTF-16 (a
 * lone surrogate, `"\ud800"` in JSON) or holds a NUL (`"\u0000"`): no text
 * a person types does, no engine stores it faithfully (PostgreSQL refuses a
 * lone surrogate in jsonb and a NUL in any text, a lone surrogate in its
 * text would become U+FFFD), so it is refused as a malformed value, on
 * every engine, in a body as in a query string.
 */
/** A UTF-16 surrogate without its pair, or NUL. */
const MALFORMED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/;
const wellFormed = (text: string) => !MALFORMED.test(text);

function malformedText(value: unknown, path: string): string | undefined {
  // Iterative, so a body nested thousands deep (JSON.parse accepts it) is
  // walked without exhausting the stack: depth-first, first path found wins.
  const pending: Array<[unknown, string]> = [[value, path]];
  while (pending.length > 0) {
    const [item, at] = pending.pop()!;
    if (typeof item === 'string') {
      if (!wellFormed(item)) return at;
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    const entries = Object.entries(item);
    for (const [key] of entries) if (!wellFormed(key)) return at;
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      pending.push([child, at ? `${at}.${key}` : key]);
    }
  }
  return undefined;
}

function check<S extends AnySchema>(schema: S, value: unknown, where: string): v.InferOutput<S> {
  const malformed = malformedText(value, '');
  if (malformed !== undefined) throw validationProblem([{ path: malformed || where, code: 'validation.format', params: {} }]);
  const result = v.safeParse(schema, value);
  if (!result.success) {
    const errors = fieldIssues(result.issues).map((e) => ({ ...e, path: e.path || where }));
    throw validationProblem(errors);
  }
  return result.output;
}

/**
 * Validates the JSON body with a shared schema. Unlike the stock valibot
 * validator, a failure answers our problem+json with field paths and never
 * echoes the input back.
 */
export function jsonBody<S extends AnySchema>(schema: S) {
  // Hono parses the body (400 on malformed JSON, mapped in onError); a write
  // without a JSON content type never gets here (requireJson answers 415).
  const mw = validator('json', (value) => check(schema, value, '') as v.InferOutput<S>);
  describedSchemas.set(mw, { target: 'json', schema });
  // What a client sends is the schema's input (a default may be left out): the typed client's `json`.
  return mw as MiddlewareHandler<ValidatorEnv, string, { in: { json: v.InferInput<S> }; out: { json: v.InferOutput<S> } }>;
}

/** Validates the query string with a shared schema (values are strings). */
export function queryParams<S extends AnySchema>(schema: S) {
  const mw = validator('query', (value) => check(schema, value, 'query') as v.InferOutput<S>);
  describedSchemas.set(mw, { target: 'query', schema });
  return mw;
}

/** Validates path parameters (ids are UUIDs: anything else is 404, as for a missing object). */
export function pathParams<S extends AnySchema>(schema: S) {
  const mw = validator('param', (value) => {
    const result = v.safeParse(schema, value);
    if (!result.success) throw new ProblemError('notFound', 'resource.notFound');
    return result.output as v.InferOutput<S>;
  });
  describedSchemas.set(mw, { target: 'param', schema });
  return mw;
}
