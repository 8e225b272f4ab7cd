/**
 * The code that proves a person receives mail at an address they add: worded
 * in French then in English, as the sign-in code (the address may be read by
 * someone who never chose a language here). The code ends the subject.
 */
import type { Mail } from '../auth/mailer.ts';
import { CODE_LIFETIME_MINUTES, type IssuedCode } from '../auth/email-code.ts';
import { bilingual } from '../auth/sign-in-mail.ts';

export function addressCodeMail(institution: string, to: string, code: IssuedCode): Mail {
  return {
    to,
    subject: `${institution} — ${bilingual((say) => say('mail.addressCode.subject'), ' / ')}: ${code.display}`,
    text: `${bilingual((say) => say('mail.addressCode.body', { code: code.display, minutes: CODE_LIFETIME_MINUTES }), '\n')}\n\n${bilingual((say) => say('mail.signIn.ignore'), ' / ')}`,
  };
}
