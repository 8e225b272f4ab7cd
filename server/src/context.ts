import type { Actor, SignInMethod } from '@passerelle/schema';
import type { Config } from './env.ts';
import type { Db } from './db/open.ts';
import type { Mailer } from './auth/mailer.ts';
import type { LookupFunction } from 'node:net';
import type { Logger } from './http/log.ts';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** What a request handler may use: everything that talks to the outside. */
export interface Deps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  config: Config;
  /** The DNS resolver, with the signature of `dns.lookup`: webhook hosts are resolved and checked when saved (a table in tests). */
  lookup: LookupFunction;
}

/** The signed-in caller, loaded from the session on every request. */
export interface Auth {
  actor: Actor;
  sessionId: string;
  /** How the session was opened: an email code withholds staff and admin memberships from `actor`. */
  signInMethod: SignInMethod;
  tenantSlug: string;
  /** When the session was opened: the data export asks for a recent sign-in. */
  signedInAt: Date;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    auth: Auth;
    /** The request's id (X-Request-Id), set first. */
    requestId: string;
    /** The server's log, each line tagged with the request's id. */
    log: Logger;
  };
};
