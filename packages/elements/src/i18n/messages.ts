/**
 * The words of message codes: the catalogues of packages/schema (every code
 * the API or a schema may give, in French and in English) and the mapping of
 * valibot's issues to codes, fetched when an element has something to say —
 * `dist/messages/fr.js` and `dist/messages/en.js` are files of their own, so a
 * page that shows no error never downloads them.
 */
import type * as v from 'valibot';
import { essentials, inWords, type Catalogue, type Message } from '@passerelle/schema/messages';
import type { Locale } from './locale.ts';

interface Words {
  readonly catalogue: Catalogue;
  readonly issueMessage: (issue: v.BaseIssue<unknown>) => Message;
}

const loaders: Record<Locale, () => Promise<Words>> = {
  fr: () => import('./words-fr.ts'),
  en: () => import('./words-en.ts'),
};

const loaded: Partial<Record<Locale, Words>> = {};
const loading: Partial<Record<Locale, Promise<void>>> = {};

/** The locales elements of this page speak (LocaleController notes them), so an API error can be worded in each at once. */
export const localesInUse = new Set<Locale>();

/** Fetches the words of these locales (once each); never rejects: an unreachable file leaves the essentials. */
export function loadMessages(locales: Iterable<Locale>): Promise<void> {
  return Promise.all(
    [...locales].map(
      (locale) =>
        loaded[locale] ??
        (loading[locale] ??= loaders[locale]().then(
          (words) => void (loaded[locale] = words),
          () => void delete loading[locale],
        )),
    ),
  ).then(() => undefined);
}

/** Whether the words of this locale are here, to word a message now. */
export const hasMessages = (locale: Locale): boolean => loaded[locale] !== undefined;

/**
 * A message code (with its parameters) in the locale's words; a code the
 * catalogue does not know, or a catalogue not fetched (offline), gives the
 * generic sentence — never a server's or a schema's own text.
 */
export function messageWords(locale: Locale, message: { code?: string | undefined; params?: unknown }): string {
  if (message.code === 'network.unreachable') return essentials[locale].network;
  const words = loaded[locale];
  return words && message.code ? inWords(words.catalogue, { code: message.code, params: message.params }) : essentials[locale].unknown;
}

/** A schema's issue (valibot) in the locale's words: its code, named by the schema or generic for its kind. */
export function issueWords(locale: Locale, issue: v.BaseIssue<unknown>): string {
  const words = loaded[locale];
  return words ? inWords(words.catalogue, words.issueMessage(issue)) : essentials[locale].unknown;
}
