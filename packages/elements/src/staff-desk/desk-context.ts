import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { ApiError } from '../core/api-error.ts';
import type { SessionController, SignedIn } from '../core/session-controller.ts';
import type { LocaleController } from '../i18n/locale-controller.ts';
import type { fr } from './translations.ts';

/**
 * What the desk's sections and panels need of `<passerelle-staff-desk>`:
 * the element (to re-render, dispatch events, find their nodes), its words
 * and formats, the session, and one way to report a failure.
 */
export interface DeskContext {
  readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  readonly l10n: LocaleController<typeof fr>;
  readonly session: SessionController;
  signedIn(): SignedIn | null;
  /** Dispatches `passerelle-error` with this `action` and answers the error, to keep and word when drawn. */
  fail(error: unknown, action: string): ApiError;
  /** Focuses a node of the desk once it is drawn. */
  focus(selector: string): Promise<void>;
  /** A calendar date (YYYY-MM-DD) as written in the locale, read in UTC so that no time zone moves it to the day before. */
  day(date: string): string;
}

/** A panel of the desk in a module of its own, fetched when its tab is first opened. */
export interface DeskPanel {
  render(): TemplateResult;
  /** Someone else signed in (`who`, or nobody allowed): nothing of the previous person's panel stays. */
  reset(who: string | null): void;
}

