/**
 * The mail worker: claims due messages of the outbox (an atomic conditional
 * UPDATE … RETURNING, so several workers or API instances never take the
 * same one), sends each through the configured mailer (SMTP, or the dev
 * outbox), and settles it. When SMTP is down nothing is lost: the message
 * stays pending and is tried again later. Once a day (UTC) it also runs the
 * sweeps that queue reminders and digests (`sweep.ts`).
 */
import { hostname } from 'node:os';
import type { Clock } from '../context.ts';
import type { Db } from '../db/open.ts';
import type { Mailer } from '../auth/mailer.ts';
import { claimDueMail } from './queries/outbox.ts';
import { institutionOf } from './queries/recipients.ts';
import { sendClaimed, type SendContext } from './send.ts';
import { onMailQueued } from './wake.ts';
import type { Institution } from './render.ts';

/** Messages one worker claims at a time. */
const BATCH = 20;
/** A claim lapses after this long (a worker that died mid-send): another worker may then take the message. */
const CLAIM_MS = 5 * 60_000;

export interface MailWorkerOptions {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string | undefined;
  mailFrom: string;
  /** How often it looks for due messages when nothing woke it (default 5 s). */
  intervalMs?: number;
  /** The worker's name in its claims (default: host, process and a random part). */
  name?: string;
  /** The daily sweeps (reminders, digests); none unless given. */
  sweep?: (at: Date) => Promise<void>;
  onError?: (err: unknown) => void;
}

export interface MailWorker {
  /** Sends what is due now (and runs the day's sweep if it has not run); resolves with how many messages were tried. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
  running(): boolean;
}

export function startMailWorker(options: MailWorkerOptions, { autostart = true }: { autostart?: boolean } = {}): MailWorker {
  const { db, clock } = options;
  const worker = options.name ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const context: SendContext = { db, clock, mailer: options.mailer, worker, publicUrl: options.publicUrl, mailFrom: options.mailFrom };
  const report = options.onError ?? ((err: unknown) => console.error('mail worker:', err));
  let stopped = false;
  let sweptDay: string | undefined;

  const sendDue = async (): Promise<number> => {
    let tried = 0;
    const institutions = new Map<string, Institution>();
    for (;;) {
      if (stopped) return tried;
      const now = clock.now();
      const claimed = await claimDueMail(db, worker, now.toISOString(), new Date(now.getTime() + CLAIM_MS).toISOString(), BATCH);
      for (const row of claimed) {
        let institution = institutions.get(row.tenantId);
        if (!institution) institutions.set(row.tenantId, (institution = (await institutionOf(db, row.tenantId)) ?? { name: 'Passerelle', settings: {} }));
        try {
          await sendClaimed(context, row, institution);
        } catch (err) {
          // The database failed while settling: the claim lapses and the message is tried again.
          report(err);
        }
        tried++;
      }
      if (claimed.length < BATCH) return tried;
    }
  };

  const runOnce = async (): Promise<number> => {
    const day = clock.now().toISOString().slice(0, 10);
    if (options.sweep && sweptDay !== day) {
      sweptDay = day;
      try {
        await options.sweep(clock.now());
      } catch (err) {
        sweptDay = undefined;
        report(err);
      }
    }
    return sendDue();
  };

  // One run at a time; a wake-up during a run asks for one more after it.
  let current: Promise<unknown> | undefined;
  let again = false;
  const poll = (): void => {
    if (stopped) return;
    if (current) {
      again = true;
      return;
    }
    current = runOnce()
      .catch(report)
      .finally(() => {
        current = undefined;
        if (again && !stopped) {
          again = false;
          poll();
        }
      });
  };

  let timer: NodeJS.Timeout | undefined;
  let unsubscribe = (): void => {};
  if (autostart) {
    timer = setInterval(poll, options.intervalMs ?? 5000);
    unsubscribe = onMailQueued(poll);
    setImmediate(poll);
  }
  return {
    runOnce: async () => {
      while (current) await current;
      return runOnce();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      unsubscribe();
      await current;
    },
    running: () => !stopped,
  };
}
