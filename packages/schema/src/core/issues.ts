import * as v from 'valibot';
import { issueMessage } from '../messages/issues.ts';
import type { FieldError, FieldIssue } from './problem.ts';

/**
 * valibot issues as `{ path, code, params }`: the server puts them in a 400
 * problem in the reader's language, the elements show them inline in theirs —
 * the same codes on both sides. The input is never echoed back.
 */
export function fieldIssues(issues: readonly v.BaseIssue<unknown>[]): FieldIssue[] {
  return issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', ...issueMessage(issue) }));
}

/**
 * The same, with each issue's `message` as the schema wrote it, for the
 * callers that still key translations on it (the elements' own wording of a
 * field, the CLI's English report).
 */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', ...issueMessage(issue), message: issue.message }));
}
