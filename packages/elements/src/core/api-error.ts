import type { FieldError, Problem } from '@passerelle/schema';
import { hasMessages, loadMessages, localesInUse, messageWords } from '../i18n/messages.ts';
import { resolveLocale, type Locale } from '../i18n/locale.ts';

/**
 * A refusal or failure of the API, as the forms show it: the HTTP status, the
 * problem+json document, and its field errors (`errors[].path`) ready to be
 * put back next to their fields. A network failure has status 0.
 *
 * What it says is its `code` (and `params`), worded in the element's
 * language by `words` / `problemText`: never the server's `detail`, which is
 * in whatever language the browser asked for.
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

  /** `{ path, code, params, message }` for each invalid field (empty unless the server validated the body). */
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  /** What happened, as a message code (`offer.notFound`); `problem.unknown` when the answer carried none. */
  get code(): string {
    return typeof this.problem.code === 'string' ? this.problem.code : 'problem.unknown';
  }

  /** What happened in a locale's words, from the catalogue (the generic sentence for a code it lacks). */
  words(locale: Locale): string {
    return messageWords(locale, { code: this.code, params: this.problem.params });
  }

  /** True when the request never reached the API (offline, CORS refusal, DNS…). */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  /**
   * Builds an ApiError from any failed response, problem+json or not, once
   * the catalogues of the languages the page's elements speak are here, so
   * that whoever shows it words it at once.
   */
  static async fromResponse(response: Response): Promise<ApiError> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    await loadMessages(localesInUse.size > 0 ? localesInUse : ['fr']);
    if (isProblem(body)) return new ApiError(body);
    return new ApiError({ type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status, detail: '', code: 'problem.unknown' });
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError({ type: 'https://passerelle.dev/problems/network', title: 'Network error', status: 0, detail: '', code: 'network.unreachable' });
    (error as { cause?: unknown }).cause = cause;
    return error;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p.status === 'number' && typeof p.title === 'string' && (p.errors === undefined || Array.isArray(p.errors));
}

/**
 * The one place an element shows an API problem: its code in the element's
 * language (its `lang`, an ancestor's, the page's), from the catalogue; the
 * generic sentence for a code the catalogue lacks — never the server's
 * detail, never a field path. Should the catalogue not be here yet, it is
 * fetched and `host` drawn again.
 */
export function problemText(error: ApiError, host: HTMLElement & { requestUpdate(): void }): string {
  const locale = resolveLocale(host);
  if (!hasMessages(locale) && !error.isNetwork) void loadMessages([locale]).then(() => hasMessages(locale) && host.requestUpdate());
  return error.words(locale);
}
