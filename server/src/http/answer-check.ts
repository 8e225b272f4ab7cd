/**
 * Checks a real answer against what its route declares (`describeRoute`,
 * and the refusals `problemsOf` derives): a success status it declares,
 * with a body its answer schema parses (valibot, the very schema the
 * OpenAPI document is made from), or a refusal it declares, as a problem
 * document. The server's tests and the security suite run it on real
 * answers, so the description cannot drift from what the API does.
 */
import * as v from 'valibot';
import { ProblemSchema } from '@passerelle/schema';
import type { Body } from './describe.ts';
import { problemsOf, routeChains } from './openapi.ts';

type Routes = readonly { method: string; path: string; handler: object }[];

export interface RealAnswer {
  status: number;
  /** The Content-Type header, or null. */
  contentType: string | null;
  /** The body as received. */
  text: string;
}

const chainsOf = new WeakMap<Routes, ReturnType<typeof routeChains>>();

function issuesOf(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`)
    .join('; ');
}

const isFile = (body: Body): body is Extract<Body, { mediaType: string }> => 'mediaType' in body && typeof body.mediaType === 'string';

/** What is wrong with `answer` to `method path` (a route pattern, such as `/v1/offers/:id`); empty when it is as declared. */
export function checkAnswer(routes: Routes, method: string, path: string, answer: RealAnswer): string[] {
  let chains = chainsOf.get(routes);
  if (!chains) chainsOf.set(routes, (chains = routeChains(routes)));
  const chain = [...chains].find(([route]) => route.method === method && route.path === path)?.[1];
  const where = `${method} ${path} → ${answer.status}`;
  if (!chain?.description) return [`${where}: the route has no describeRoute`];
  const type = answer.contentType ?? '';
  const json = () => {
    try {
      return { value: JSON.parse(answer.text) as unknown };
    } catch {
      return undefined;
    }
  };

  if (answer.status >= 400) {
    const failures: string[] = [];
    if (!(problemsOf(method, chain) as readonly number[]).includes(answer.status)) failures.push(`${where}: a status the route does not declare (describeRoute's problems)`);
    if (!type.startsWith('application/problem+json')) failures.push(`${where}: ${type || 'no content type'} instead of application/problem+json`);
    const parsed = json();
    const result = parsed && v.safeParse(ProblemSchema, parsed.value);
    if (!result?.success) failures.push(`${where}: not a Problem document${result ? `: ${issuesOf(result.issues)}` : ''}`);
    return failures;
  }

  const declared = chain.description.answers[answer.status as keyof typeof chain.description.answers];
  if (declared === undefined) return [`${where}: a status the route does not declare (describeRoute's answers)`];
  if (declared === null) return answer.text === '' ? [] : [`${where}: a body, where none is declared`];
  const bodies: readonly Body[] = Array.isArray(declared) ? declared : [declared as Body];
  if (type.startsWith('application/json')) {
    const schema = bodies.find((b) => !isFile(b));
    if (!schema || isFile(schema)) return [`${where}: JSON, where ${bodies.map((b) => (isFile(b) ? b.mediaType : 'JSON')).join(' or ')} is declared`];
    const parsed = json();
    if (!parsed) return [`${where}: the body is not JSON`];
    const result = v.safeParse(schema, parsed.value);
    return result.success ? [] : [`${where}: the body does not match its declared schema: ${issuesOf(result.issues)}`];
  }
  const file = bodies.find((b) => isFile(b) && type.startsWith(b.mediaType));
  return file ? [] : [`${where}: ${type || 'no content type'}, where ${bodies.map((b) => (isFile(b) ? b.mediaType : 'JSON')).join(' or ')} is declared`];
}
