import * as v from 'valibot';

/** `GET /health`: the API is up. */
export const HealthSchema = v.object({ status: v.literal('ok') });

/** `GET /v1/openapi.json`: this API described as OpenAPI 3.1 (see https://spec.openapis.org/oas/v3.1.0). */
export const ApiDescriptionSchema = v.looseObject({
  openapi: v.literal('3.1.0'),
  info: v.looseObject({ title: v.string(), version: v.string() }),
  paths: v.record(v.string(), v.record(v.string(), v.unknown())),
});

/**
 * `GET /ready`: whether this instance should get traffic (200) or not (503,
 * same body): the database answers, its migrations are all applied, the
 * background workers run. Values are states, for probes and operators.
 */
export const ReadinessSchema = v.object({
  status: v.picklist(['ready', 'not-ready']),
  checks: v.object({
    database: v.picklist(['ok', 'failed']),
    migrations: v.picklist(['ok', 'pending', 'unknown']),
    workers: v.picklist(['ok', 'stopped']),
  }),
});
export type Readiness = v.InferOutput<typeof ReadinessSchema>;
