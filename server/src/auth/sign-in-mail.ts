/**
 * The sign-in emails, worded from the staff catalogue. They say everything
 * in French then in English: the address may belong to nobody known yet, so
 * there is no preferred language to pick. The code ends the subject (people
 * and tests read it there).
 */
import type { Language } from '@passerelle/schema/messages';
import { sayIn, type Say } from '@passerelle/schema/messages/staff';
import type { Mail } from './mailer.ts';
import { CODE_LIFETIME_MINUTES, WRONG_CODES_WINDOW_HOURS, type IssuedCode } from './email-code.ts';

const both: readonly [Say, Say] = (['fr', 'en'] as const satisfies readonly Language[]).map(sayIn) as [Say, Say];

/** Each language's words, French first (the address code's mail too, addresses/code-mail.ts). */
export const bilingual = (words: (say: Say) => string, separator: string) => both.map(words).join(separator);

/** The sign-in code email: the code ends the subject. */
export function codeMail(institution: string, to: string, code: IssuedCode): Mail {
  const body = bilingual((say) => say('mail.signIn.body', { code: code.display, minutes: CODE_LIFETIME_MINUTES }), '\n');
  const long = code.kind === 'long' ? `\n\n${bilingual((say) => say('mail.signIn.longCode', { hours: WRONG_CODES_WINDOW_HOURS }), '\n')}` : '';
  return {
    to,
    subject: `${institution} — ${bilingual((say) => say('mail.signIn.subject'), ' / ')}: ${code.display}`,
    text: `${body}${long}\n\n${bilingual((say) => say('mail.signIn.ignore'), ' / ')}`,
  };
}

/** Sent when wrong codes paused 6-digit codes for the address: what happened, and a long code to sign in anyway. */
export function pausedMail(institution: string, to: string, code: IssuedCode): Mail {
  return {
    to,
    subject: `${institution} — ${bilingual((say) => say('mail.paused.subject'), ' / ')}: ${code.display}`,
    text: bilingual((say) => say('mail.paused.body', { code: code.display, minutes: CODE_LIFETIME_MINUTES, hours: WRONG_CODES_WINDOW_HOURS }), '\n\n'),
  };
}
