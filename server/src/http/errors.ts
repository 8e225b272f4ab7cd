import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ProblemError, problemResponse } from './problem.ts';

/**
 * The one place where the exceptional becomes an answer. Expected refusals
 * are ProblemErrors; anything else is a 500 whose body says nothing about
 * the stack or the SQL (they go to the server log only).
 */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ProblemError) return err.toResponse();
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return problemResponse('tooLarge', 'The request body is larger than 100 KiB.');
    if (status === 400) {
      // Hono's JSON parser: the body is not JSON.
      return problemResponse('malformed', 'The request body is not valid JSON.');
    }
    if (status === 401) return problemResponse('unauthenticated', 'Sign in to continue.');
    if (status === 415) return problemResponse('unsupportedMediaType', 'Send the body as application/json.');
  }
  console.error(`[passerelle] ${c.req.method} ${c.req.path} failed:`, err);
  return problemResponse('internal', 'Something went wrong on our side. Nothing was saved; please try again.');
};

export const onNotFound: NotFoundHandler = (c) =>
  problemResponse('notFound', `There is nothing at ${c.req.method} ${c.req.path}.`);
