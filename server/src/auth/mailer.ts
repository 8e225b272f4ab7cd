import { createTransport } from 'nodemailer';
import type { Db } from '../db/open.ts';
import { insertOutboxMail } from '../db/auth/dev-outbox.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail. SMTP in production; the dev outbox otherwise. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/**
 * Keeps mail in a table readable at `/v1/dev/outbox`, and prints it, so the
 * email-code sign-in can be tried without an SMTP server.
 */
export function outboxMailer(db: Db, now: () => Date, print = true): Mailer {
  return {
    async send(mail) {
      insertOutboxMail(db, { to: mail.to, subject: mail.subject, body: mail.text, createdAt: now().toISOString() });
      if (print) console.log(`[passerelle outbox] to ${mail.to}: ${mail.subject}\n${mail.text}\n`);
    },
  };
}
