import * as v from 'valibot';
import type { FieldError } from './problem.ts';

/**
 * valibot issues as `{ path, message }`: the server puts them in a 400
 * problem, the elements show them inline — the same words on both sides.
 * The input is never echoed back.
 */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message }));
}
