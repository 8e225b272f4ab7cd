import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { testApp } from '../testing.ts';
import { routeChains } from './openapi.ts';

type Doc = { paths: Record<string, Record<string, { operationId?: string; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };

/** The document of an app with every route mounted (development mode adds /v1/dev/outbox). */
async function documentOf(): Promise<Doc & Record<string, unknown>> {
  const res = await testApp({ config: { dev: true } }).call('GET', '/v1/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as Doc & Record<string, unknown>;
}

describe('the OpenAPI document', () => {
  it('describes every route of the app: a route without describeRoute fails here', () => {
    const { app } = testApp({ config: { dev: true } });
    const chains = [...routeChains(app.routes)];
    const undescribed = chains.filter(([, chain]) => !chain.description).map(([route]) => `${route.method} ${route.path}`);
    expect(undescribed, 'Put describeRoute({ operationId, summary, tags, answers }) first in these routes').toEqual([]);
    expect(chains.length).toBeGreaterThan(75);
  });

  it('gives every operation an operationId, a summary, tags, a success answer and a problem schema for every refusal', async () => {
    const doc = await documentOf();
    const failures: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item) as [string, { operationId?: string; summary?: string; tags?: string[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }][]) {
        const where = `${method.toUpperCase()} ${path}`;
        if (!op.operationId || !op.summary || !op.tags?.length) failures.push(`${where}: operationId, summary or tags missing`);
        const statuses = Object.keys(op.responses);
        if (!statuses.some((s) => s.startsWith('2'))) failures.push(`${where}: no success answer`);
        for (const s of statuses.filter((s) => Number(s) >= 400)) {
          if ((op.responses[s]!.content?.['application/problem+json']?.schema as { $ref?: string } | undefined)?.$ref !== '#/components/schemas/Problem') failures.push(`${where} ${s}: not the Problem schema`);
        }
        for (const s of statuses.filter((s) => s.startsWith('2') && s !== '204')) {
          const json = op.responses[s]!.content?.['application/json']?.schema as Record<string, unknown> | undefined;
          if (json && Object.keys(json).length === 0) failures.push(`${where} ${s}: an empty JSON schema`);
          if (!op.responses[s]!.content) failures.push(`${where} ${s}: no body described`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(Object.values(doc.paths).flatMap((item) => Object.values(item)).filter((op) => Object.keys(op.responses).some((s) => s === '200' || s === '201'))).not.toHaveLength(0);
  });

  it('says which headers routes use: ETag, If-Match, Idempotency-Key, Location, Retry-After', async () => {
    const doc = (await documentOf()) as unknown as {
      paths: Record<string, Record<string, { parameters?: { $ref?: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    const op = (path: string, method: string) => doc.paths[path]![method]!;
    const params = (path: string, method: string) => (op(path, method).parameters ?? []).map((p) => p.$ref);
    expect(params('/v1/offers/{id}', 'patch')).toContain('#/components/parameters/IfMatch');
    expect(params('/v1/pledges', 'post')).toContain('#/components/parameters/IdempotencyKey');
    expect(Object.keys(op('/v1/pledges', 'post').responses['201']!.headers!)).toEqual(expect.arrayContaining(['ETag', 'Location', 'Idempotent-Replayed']));
    expect(Object.keys(op('/v1/offers/{id}', 'get').responses['200']!.headers!)).toContain('ETag');
    expect(Object.keys(op('/v1/auth/email', 'post').responses['429']!.headers!)).toContain('Retry-After');
    expect(Object.keys(op('/v1/companies', 'post').responses['503']!.headers!)).toContain('Retry-After');
    expect(Object.keys(op('/v1/offers/{id}', 'patch').responses)).toEqual(expect.arrayContaining(['412', '428']));
    expect(Object.keys(op('/v1/offers', 'post').responses)).toEqual(expect.arrayContaining(['400', '401', '403', '409', '413', '415', '422', '503', '507']));
  });

  it('is valid OpenAPI 3.1 for @seriousme/openapi-schema-validator', async () => {
    const validator = new Validator();
    const result = await validator.validate((await documentOf()) as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('has no error under Redocly’s recommended rules', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(await documentOf()), absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
    expect(errors).toEqual([]);
    // Warnings are allowed. Today: `info-license` (no licence is chosen) and `operation-4xx-response` on the
    // public GETs that refuse nothing (/health, the description, the reference page and its script, the dev outbox).
  });

  it('types the success bodies of a client generated by openapi-typescript', async () => {
    const generated = astToString(await openapiTS((await documentOf()) as unknown as Parameters<typeof openapiTS>[0], { silent: true }));
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-openapi-'));
    try {
      writeFileSync(join(dir, 'api.ts'), generated);
      // What a client author writes: each line compiles only if the answer is typed (and not `never` or `unknown`).
      writeFileSync(
        join(dir, 'use.ts'),
        `import type { components, paths } from './api';
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type IsNever<T> = [T] extends [never] ? true : false;
type Me = Json<paths['/v1/me']['get']['responses'][200]>;
const me = {} as Me;
const method: 'host' | 'email' = me.signInMethod;
// @ts-expect-error a sign-in method is host or email
const wrong: Me['signInMethod'] = 'password';
const meIsTyped: IsNever<Me> = false;
const email: string | null = me.person.email;
const offers = {} as Json<paths['/v1/offers']['get']['responses'][200]>;
const status: 'draft' | 'submitted' | 'changes_requested' | 'published' | 'rejected' | 'filled' | 'expired' | 'withdrawn' = offers.items[0]!.status;
const created = {} as Json<paths['/v1/pledges']['post']['responses'][201]>;
const amount: number | undefined = created.estimatedAmountCents;
const problem = {} as paths['/v1/companies']['post']['responses'][409]['content']['application/problem+json'];
const detail: string = problem.detail;
const existing: string | undefined = problem.existingId;
const named: components['schemas']['Offer']['title'] = offers.items[0]!.title;
export { method, wrong, meIsTyped, email, status, amount, detail, existing, named };
`,
      );
      const program = ts.createProgram([join(dir, 'use.ts')], { strict: true, noEmit: true, noUncheckedIndexedAccess: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, types: [] });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.split('/').pop() ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      expect(diagnostics).toEqual([]);
      expect(generated).toMatch(/signInMethod: "host" \| "email"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
