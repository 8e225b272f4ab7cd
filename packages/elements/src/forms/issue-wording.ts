import type { ReactiveControllerHost } from 'lit';
import { looksLikeCode } from '@passerelle/schema/messages';
import { hasMessages, issueWords, loadMessages, messageWords } from '../i18n/messages.ts';
import type { Locale } from '../i18n/locale.ts';
import type { KeptError } from './form-validation.ts';

/** This form's own wording of some messages, per locale, keyed by the schema's message (a code, or a sentence) or by a problem's code. */
export type OwnWording = Record<Locale, Record<string, string>>;

export interface IssueWording {
  /** Has the catalogue of the form's language fetched before the host draws an error (once; offline leaves the generic sentence). */
  prepare(): void;
  /** An error in the form's language. */
  words(e: KeptError | { code: string; params?: unknown }): string;
}

/**
 * The words of a form's errors in its language, by code: the form's own
 * wording first, else the code in the catalogue's words — never valibot's
 * English, never a field path. While the catalogue of the language is
 * fetched, the host's next render waits for it.
 */
export function issueWording(host: ReactiveControllerHost & HTMLElement, locale: () => Locale, own: OwnWording | undefined): IssueWording {
  let fetching: Promise<void> | null = null;
  // Lit awaits a promise answered by `scheduleUpdate` before rendering (as LocaleController does for English).
  const lit = host as unknown as { scheduleUpdate(): void | Promise<unknown> };
  const schedule = lit.scheduleUpdate.bind(host);
  lit.scheduleUpdate = () => (fetching ? fetching.then(schedule) : schedule());

  const prepare = (): void => {
    const lang = locale();
    if (fetching || hasMessages(lang)) return;
    fetching = loadMessages([lang]).then(() => {
      fetching = null;
      if (hasMessages(lang)) host.requestUpdate();
    });
  };

  const words = (e: KeptError | { code: string; params?: unknown }): string => {
    const lang = locale();
    const mine = own?.[lang];
    const key = 'issue' in e ? e.issue.message : 'message' in e ? e.message : undefined;
    const wording = mine && ((key !== undefined ? mine[key] : undefined) ?? ('code' in e ? mine[e.code] : undefined));
    if (wording !== undefined) return wording;
    // A schema sentence not yet given a code is English: shown as written on an English page only
    // (never valibot's own “Invalid …: …”, never on a French page, where the catalogue words its generic code).
    if ('issue' in e && lang === 'en' && !looksLikeCode(e.issue.message) && !/^Invalid \w+: /.test(e.issue.message)) return e.issue.message;
    if (!hasMessages(lang)) prepare();
    return 'issue' in e ? issueWords(lang, e.issue) : messageWords(lang, e);
  };

  return { prepare, words };
}
