import type { FieldError, Problem } from '@passerelle/schema';

/**
 * A refusal or failure of the API, as the forms show it: the HTTP status, the
 * problem+json document, and its field errors (`errors[].path`) ready to be
 * put back next to their fields. A network failure has status 0.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.status = problem.status;
    this.problem = problem;
  }

  /** `{ path, message }` for each invalid field (empty unless the server validated the body). */
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  /** True when the request never reached the API (offline, CORS refusal, DNS…). */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** Builds an ApiError from any failed response, problem+json or not. */
  static async fromResponse(response: Response): Promise<ApiError> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (isProblem(body)) return new ApiError(body);
    return new ApiError({
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      detail: response.statusText || `The server answered ${response.status}.`,
    });
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError({
      type: 'https://passerelle.dev/problems/network',
      title: 'Network error',
      status: 0,
      detail: 'The service could not be reached. Check your connection and try again.',
    });
    (error as { cause?: unknown }).cause = cause;
    return error;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p.status === 'number' && typeof p.title === 'string' && (p.errors === undefined || Array.isArray(p.errors));
}
