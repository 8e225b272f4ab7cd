/**
 * What can stop the server at boot, said in one sentence (exit code 1, no
 * stack): a port already taken or forbidden, a database file that cannot
 * be opened, an SMTP server that does not answer.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createTransport } from 'nodemailer';
import { staffMessage, type StaffMessage } from '@passerelle/schema/messages/staff';
import type { Config } from './env.ts';
import { databaseFailure } from './db/open-failure.ts';
import { oneLine } from './one-line.ts';

/** A reason not to start, already worded as a staff message. */
export class BootRefused extends Error {
  constructor(readonly said: StaffMessage) {
    super(said.code);
  }
}

/** Listens on `port`; resolves once the port is held, rejects with the listen error (EADDRINUSE, EACCES) instead of crashing later. */
export function listen(fetch: (request: Request) => Response | Promise<Response>, port: number): Promise<Server> {
  const server = serve({ fetch, port }) as Server;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** How long the SMTP check may wait for a connection, then for the server's greeting and each answer. */
const SMTP_CHECK_MS = 10_000;

/**
 * Connects to SMTP_URL's server as sending a sign-in code would (TLS and
 * authentication included) and hangs up; throws BootRefused when it does not
 * answer or refuses. Bounded: at worst a few times SMTP_CHECK_MS.
 */
export async function checkSmtp(url: string): Promise<void> {
  const transport = createTransport({ url, connectionTimeout: SMTP_CHECK_MS, greetingTimeout: SMTP_CHECK_MS, socketTimeout: SMTP_CHECK_MS });
  // The host and port only: SMTP_URL may carry a password.
  const server = new URL(url).host;
  try {
    await transport.verify();
  } catch (err) {
    const { code, message, response } = err as { code?: string; message?: string; response?: string };
    if (code === 'EAUTH') throw new BootRefused(staffMessage('boot.smtp.refused', { server, reason: response?.split('\n')[0]?.trim() || code }));
    // The system's reason (ECONNREFUSED, ENOTFOUND, ETIMEDOUT) when the message names one, else nodemailer's code.
    const reason = message?.match(/\bE[A-Z]{3,}\b/)?.[0] ?? code ?? oneLine(err);
    throw new BootRefused(staffMessage('boot.smtp.unreachable', { server, reason }));
  } finally {
    transport.close();
  }
}

/** The sentence that explains why the boot failed; `config` is undefined when the failure came before it was read. */
export function bootFailure(err: unknown, config: Config | undefined): StaffMessage {
  if (err instanceof BootRefused) return err.said;
  const { code, syscall } = (err ?? {}) as { code?: unknown; syscall?: unknown };
  if (config && syscall === 'listen' && code === 'EADDRINUSE') return staffMessage('boot.port.inUse', { port: config.port });
  if (config && syscall === 'listen' && code === 'EACCES') return staffMessage('boot.port.denied', { port: config.port });
  return (config && databaseFailure(err, config.databaseUrl)) || staffMessage('boot.failed', { reason: oneLine(err) });
}
