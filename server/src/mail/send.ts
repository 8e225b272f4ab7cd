/**
 * One attempt at a claimed message: words it, sends it through the mailer,
 * and records what follows. A 5xx reply to the recipient or the message
 * (the address or the content is refused) makes it `undeliverable` at once;
 * anything else (no connection, a timeout, a 4xx) is tried again later with
 * exponential backoff, and `failed` after the last attempt.
 */
import { createHash, randomBytes } from 'node:crypto';
import { isOptionalMail } from '@passerelle/schema';
import type { Clock } from '../context.ts';
import type { Db } from '../db/open.ts';
import type { Mailer } from '../auth/mailer.ts';
import { oneLine } from '../one-line.ts';
import { setUnsubscribeHash, settleMail, type MailRow } from './queries/outbox.ts';
import { renderMail, type Institution } from './render.ts';
import { recipientOf } from './queries/recipients.ts';
import { LINK_DAYS, linkTarget, makeLink } from './links.ts';

/** Waits after failed attempt 1, 2, …: about two days in all before a message is `failed`. */
export const MAIL_RETRY_DELAYS_MS = [60_000, 300_000, 900_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000] as const;
export const MAIL_MAX_ATTEMPTS = MAIL_RETRY_DELAYS_MS.length + 1;

/** Kinds after which the address is forgotten once sent: the messages to a person being erased. */
const forgetAddressAfter = new Set<MailRow['kind']>(['erasure.requested', 'erasure.done']);

export interface SendContext {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  /** The worker's name, which holds the claim. */
  worker: string;
  /** The API's public address (`PUBLIC_URL`): one-click unsubscribe links point there; without it, a mailto: link to `mailFrom`. */
  publicUrl: string | undefined;
  mailFrom: string;
}

/** The outcome of an error thrown by the mailer: the recipient refused for good, or try again. */
export function classify(err: unknown): { refused: boolean; error: string } {
  const { responseCode, response, code, command } = (err ?? {}) as { responseCode?: unknown; response?: unknown; code?: unknown; command?: unknown };
  const reply = typeof response === 'string' ? response.split('\n')[0]!.trim() : undefined;
  const error = (reply ?? (typeof code === 'string' ? `${code}: ${oneLine(err)}` : oneLine(err))).slice(0, 300);
  const permanent = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
  // A 5xx to MAIL FROM or to the sign-in is the sending side's problem, not this address's: retried, and failed in the end.
  const aboutRecipient = command !== 'MAIL FROM' && command !== 'AUTH' && command !== 'CONN' && (code === 'EENVELOPE' || code === 'EMESSAGE');
  return { refused: permanent && aboutRecipient, error };
}

/** An unsubscribe link's token (43 characters, base64url) and the hash kept of it. */
export function unsubscribeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function unsubscribeLink(context: SendContext, token: string): { url: string; oneClick: boolean } {
  if (context.publicUrl) return { url: `${context.publicUrl.replace(/\/+$/, '')}/v1/mail/unsubscribe?token=${token}`, oneClick: true };
  return { url: `mailto:${context.mailFrom}?subject=unsubscribe%20${token}`, oneClick: false };
}

/** Sends one message this worker claimed, and settles it. */
export async function sendClaimed(context: SendContext, row: MailRow, institution: Institution): Promise<MailRow['status']> {
  const { db, clock, worker } = context;
  let unsubscribe: { url: string; oneClick: boolean } | null = null;
  if (isOptionalMail(row.kind)) {
    const { token, hash } = unsubscribeToken();
    await setUnsubscribeHash(db, row.id, hash);
    unsubscribe = unsubscribeLink(context, token);
  }
  const name = (await recipientOf(db, row.tenantId, row.personId))?.name ?? null;
  // Where the person acts, signed in by the link (only to their verified address, and where the institution named the page).
  const target = row.address ? linkTarget(row.kind, row.params, institution.settings) : null;
  const url = target ? await makeLink(db, { tenantId: row.tenantId, personId: row.personId, address: row.address!, mailId: row.id, ...target, now: clock.now() }) : null;
  const attempts = row.attempts + 1;
  try {
    await context.mailer.send(renderMail(row, institution, unsubscribe, name, target && url ? { action: target.action, url, days: LINK_DAYS } : null));
  } catch (err) {
    const { refused, error } = classify(err);
    const settledAt = clock.now();
    if (refused) {
      await settleMail(db, row.id, worker, { status: 'undeliverable', attempts, nextAttemptAt: null, lastError: error, sentAt: null });
      return 'undeliverable';
    }
    if (attempts >= MAIL_MAX_ATTEMPTS) {
      await settleMail(db, row.id, worker, { status: 'failed', attempts, nextAttemptAt: null, lastError: error, sentAt: null });
      return 'failed';
    }
    const next = new Date(settledAt.getTime() + MAIL_RETRY_DELAYS_MS[attempts - 1]!).toISOString();
    await settleMail(db, row.id, worker, { status: 'pending', attempts, nextAttemptAt: next, lastError: error, sentAt: null });
    return 'pending';
  }
  await settleMail(db, row.id, worker, {
    status: 'sent',
    attempts,
    nextAttemptAt: null,
    lastError: null,
    sentAt: clock.now().toISOString(),
    ...(forgetAddressAfter.has(row.kind) ? { address: null } : {}),
  });
  return 'sent';
}
