/**
 * The mail catalogue: `@passerelle/schema/messages/mail`, the words of every
 * email sent to people, one catalogue per language. A message kind is a code
 * (`../../mail/index.ts`) with typed parameters; the chrome (greeting,
 * footer, unsubscribe) has codes of its own. Only the server imports it.
 */
import type { Language } from '../format.ts';
import type { LinkAction, MailKind, MailParams } from '../../mail/index.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

/** One message in words: the subject, the paragraphs, and why the person receives it (the footer). */
export interface MailWords {
  subject: string;
  paragraphs: string[];
  /** A list under the paragraphs (the offers of a digest, the SOLTéA steps). */
  list?: string[];
  /** The link the person acts on, when there is one. */
  action?: { label: string; url: string };
  /**
   * What the link that signs the person in does, when the message has one
   * (the institution named the page): its words instead of the chrome's, and
   * a sentence above it; without a link, `otherwise` says where to act.
   */
  link?: { label: string; says: string; otherwise: string };
  why: string;
}

/** The words shared by every message. */
export interface MailChrome {
  greeting: (name: string | null) => string;
  /** Below the footer: how to stop receiving an optional message (the link's words, then the text part's line). */
  unsubscribeLabel: string;
  unsubscribe: (url: string) => string;
  /** The last line: who sends it. */
  sentBy: (institution: string) => string;
  /** The words of a link that signs the person in, by where it takes them. */
  link: { readonly [A in LinkAction]: string };
  /** Under the link: how long it lasts, and that it is theirs alone. */
  linkNote: (days: number) => string;
}

export type MailCatalogue = {
  readonly kinds: { readonly [K in MailKind]: (params: MailParams[K]) => MailWords };
  readonly chrome: MailChrome;
};

export const mailCatalogues: Readonly<Record<Language, MailCatalogue>> = { fr, en };

/** The words of one message in one language. */
export function mailWords<K extends MailKind>(language: Language, kind: K, params: MailParams[K]): MailWords {
  return (mailCatalogues[language].kinds[kind] as (p: MailParams[K]) => MailWords)(params);
}
