import { toJsonSchema } from '@valibot/to-json-schema';
import { describedSchemas } from './validate.ts';

type JsonSchema = Record<string, unknown>;
interface Operation {
  parameters: JsonSchema[];
  requestBody?: JsonSchema;
  responses: Record<string, JsonSchema>;
  security?: Record<string, string[]>[];
}

const problemRef = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemRef } } });
const publicPaths = new Set(['/health', '/v1/openapi.json', '/v1/auth/exchange', '/v1/auth/email', '/v1/auth/verify']);

function jsonSchemaOf(schema: Parameters<typeof toJsonSchema>[0]): JsonSchema {
  // Transforms and checks without a JSON Schema equivalent are described by
  // their input type; the server still enforces them.
  return toJsonSchema(schema, { errorMode: 'ignore', typeMode: 'input' }) as JsonSchema;
}

/**
 * OpenAPI 3.1 built from the app's own route table and the valibot schemas
 * its validators were given: a route or schema cannot be added without
 * appearing here.
 */
export function buildOpenApi(app: { routes: readonly { method: string; path: string; handler: object }[] }): JsonSchema {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const route of app.routes) {
    if (route.method === 'ALL' || route.path.endsWith('*')) continue;
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const method = route.method.toLowerCase();
    const item = (paths[path] ??= {});
    const op = (item[method] ??= {
      parameters: [...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
      responses: {
        '400': problemResponse('Invalid request: `errors` lists each field path and message.'),
        ...(publicPaths.has(route.path) ? {} : { '401': problemResponse('Not signed in.'), '403': problemResponse('Not allowed, with the reason.'), '404': problemResponse('Not found (also for another institution\'s objects).') }),
      },
      ...(publicPaths.has(route.path) ? {} : { security: [{ bearer: [] }] }),
    });
    const described = describedSchemas.get(route.handler);
    if (!described) {
      if (!op.responses['200'] && !op.responses['201']) op.responses[method === 'post' ? '201' : '200'] = { description: 'Success.' };
      continue;
    }
    const schema = jsonSchemaOf(described.schema);
    if (described.target === 'json') {
      op.requestBody = { required: true, content: { 'application/json': { schema } } };
    } else if (described.target === 'query') {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required ?? []) as string[]);
      for (const [name, s] of Object.entries(properties)) op.parameters.push({ name, in: 'query', required: required.has(name), schema: s });
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Passerelle API', version: '1.0.0', description: 'Self-service front office for higher-education institutions. Errors are RFC 9457 problem+json.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Session token from /v1/auth/exchange or /v1/auth/verify.' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
  };
}
