import * as v from 'valibot';

/** `GET /health`: the API is up. */
export const HealthSchema = v.object({ status: v.literal('ok') });

/** `GET /v1/openapi.json`: this API described as OpenAPI 3.1 (see https://spec.openapis.org/oas/v3.1.0). */
export const ApiDescriptionSchema = v.looseObject({
  openapi: v.literal('3.1.0'),
  info: v.looseObject({ title: v.string(), version: v.string() }),
  paths: v.record(v.string(), v.record(v.string(), v.unknown())),
});
