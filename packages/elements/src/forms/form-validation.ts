import * as v from 'valibot';
import type { FieldError } from '@passerelle/schema';

/** An issue of the shared valibot schema, at the dot path of its value. */
export interface SchemaIssue {
  path: string;
  issue: v.BaseIssue<unknown>;
}

/** An error as a form keeps it: a code with its parameters (the server's), or a schema's issue; worded when drawn, so a language switch applies. */
export type KeptError = FieldError | SchemaIssue;

/** The verdict of the SAME valibot schema the server validates the body with: its issues at their paths, or its output. */
export function check<S extends v.GenericSchema>(schema: S, body: Record<string, unknown>): { issues: SchemaIssue[]; output?: v.InferOutput<S> } {
  const result = v.safeParse(schema, body);
  return result.success ? { issues: [], output: result.output } : { issues: result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', issue })) };
}

/** The first issue of a field, or of a value inside it (`career` → `career.jobTitle`). */
export function issueOf(issues: readonly SchemaIssue[], name: string): SchemaIssue | undefined {
  return issues.find((e) => e.path === name || e.path.startsWith(`${name}.`));
}
