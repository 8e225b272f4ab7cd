import { createTransport } from 'nodemailer';
import type { Db } from '../db/open.ts';
import type { Clock } from '../context.ts';
import { ConfigError, missingMailTransport, type Config } from '../env.ts';
import { insertOutboxMail } from './queries/dev-outbox.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The HTML part, beside the text one (the mail outbox's messages). */
  html?: string;
  /** Extra headers (List-Unsubscribe). */
  headers?: Record<string, string>;
}

/** Sends mail: SMTP, or the dev outbox in development mode. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = createTransport(url);
  return {
    async send(mail) {
      // A refusal throws nodemailer's error, with the SMTP reply's `responseCode` and the `command` it answered: the mail worker tells a refused address (5xx to RCPT TO or DATA) from a server that cannot be reached.
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}), ...(mail.headers ? { headers: mail.headers } : {}) });
    },
  };
}

/**
 * Development mode only: keeps mail in a table readable at `/v1/dev/outbox`,
 * and prints it, so the email-code sign-in can be tried without an SMTP
 * server. Sign-in codes are stored there in clear, hence never outside
 * development mode.
 */
export function outboxMailer(db: Db, now: () => Date, print = true): Mailer {
  return {
    async send(mail) {
      await insertOutboxMail(db, { to: mail.to, subject: mail.subject, body: mail.text, createdAt: now().toISOString() });
      if (print) console.log(`[passerelle outbox] to ${mail.to}: ${mail.subject}\n${mail.text}\n`);
    },
  };
}

/** A server with email sign-in off sends no mail: reaching this is a bug, not a configuration. */
const noMail: Mailer = {
  async send() {
    throw new Error('This server sends no mail (EMAIL_SIGN_IN=off and no SMTP_URL).');
  },
};

/**
 * The mailer the configuration asks for: SMTP when SMTP_URL is set, else the
 * dev outbox in development mode (PASSERELLE_DEV=1), else none when email
 * sign-in is off. Any other configuration cannot send sign-in codes.
 */
export function mailerFor(config: Config, db: Db, clock: Clock): Mailer {
  if (config.smtpUrl) return smtpMailer(config.smtpUrl, config.mailFrom);
  if (config.dev) return outboxMailer(db, () => clock.now());
  const missing = missingMailTransport(config);
  if (missing) throw new ConfigError(missing);
  return noMail;
}
