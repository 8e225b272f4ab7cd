/**
 * The code that proves a person receives mail at an address they add: worded
 * in French then in English, as the sign-in code (the address may be read by
 * someone who never chose a language here). The code ends the subject.
 */
import { sayIn, type Say } from '@passerelle/schema/messages/staff';
import type { Mail } from '../auth/mailer.ts';
import { CODE_LIFETIME_MINUTES, type IssuedCode } from '../auth/email-code.ts';

const both: readonly [Say, Say] = [sayIn('fr'), sayIn('en')];
const bilingual = (words: (say: Say) => string, separator: string) => both.map(words).join(separator);

export function addressCodeMail(institution: string, to: string, code: IssuedCode): Mail {
  return {
    to,
    subject: `${institution} — ${bilingual((say) => say('mail.addressCode.subject'), ' / ')}: ${code.display}`,
    text: `${bilingual((say) => say('mail.addressCode.body', { code: code.display, minutes: CODE_LIFETIME_MINUTES }), '\n')}\n\n${bilingual((say) => say('mail.signIn.ignore'), ' / ')}`,
  };
}
