/**
 * What an instance keeps in memory on PostgreSQL (`untilChange`: origins and
 * settings, the entity tree, memberships, the SOLTéA calendars), forgotten on
 * every instance when any of them, or the CLI, commits a change to it.
 *
 * Triggers on those tables NOTIFY `passerelle_change` at commit (migration
 * 0006). Each instance LISTENs on a connection of its own, outside the pool,
 * opened by the first cached read; while it is not listening (connecting,
 * lost, closed when idle) nothing is kept nor served, so no change can be
 * missed: a reconnection starts from an empty cache. What one instance
 * commits itself is forgotten as its COMMIT returns (`forget`, called by the
 * engine), before its answer leaves, so the person who saved reads their
 * change on their next request; other instances learn of it from the notice,
 * within milliseconds.
 *
 * A read that was loading when a change was notified is not kept (it may
 * predate the change): each change starts a new generation.
 */
import pg from 'pg';
import type { ReadCache } from '../until-change.ts';

/** The channel the triggers of migration 0006 notify. */
export const CHANGE_CHANNEL = 'passerelle_change';

/** Entries kept before starting afresh (bounds the memory a crowd of people takes). */
const MAX_ENTRIES = 10_000;
/** After a failed or lost listening connection, the next attempt waits this long (the database may be down). */
const RETRY_AFTER_MS = 1_000;

/** Tables whose changes the triggers announce, and a write to one of them in a statement drizzle sends. */
const WATCHED_WRITE = /^\s*(?:insert\s+into|update|delete\s+from)\s+"?(?:institutions|entities|memberships|soltea_campaigns|people)"?[\s(]/i;

/** Whether `statement` writes to a table whose rows an instance keeps in memory (or, for people, whose deletion cascades to memberships). */
export const changesWatched = (statement: string): boolean => WATCHED_WRITE.test(statement);

export interface ListenerOptions {
  /** Opens the listening connection (the pool's settings, outside the pool). */
  readonly connect: () => pg.Client;
  /** The listening connection is closed after this long without a cached read (ms), like the pool's idle connections. */
  readonly idleMillis: number;
}

export class NotifiedCache implements ReadCache {
  private readonly values = new Map<string, unknown>();
  private generation = 0;
  private client: pg.Client | undefined;
  private listening = false;
  private starting: Promise<void> | undefined;
  private closed = false;
  private retryAt = 0;
  private lastRead = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: ListenerOptions,
    /** Settles when the database can be used. */
    private readonly ready: Promise<void>,
  ) {}

  /** Whether reads are kept now (the listening connection is up): for tests and the readiness report. */
  get isListening(): boolean {
    return this.listening;
  }

  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    this.lastRead = Date.now();
    if (!this.listening) {
      this.listen();
      return load();
    }
    if (this.values.has(key)) return this.values.get(key) as T;
    const seen = this.generation;
    const value = await load();
    if (this.listening && this.generation === seen) {
      if (this.values.size >= MAX_ENTRIES) this.values.clear();
      this.values.set(key, value);
    }
    return value;
  }

  forget(): void {
    this.generation++;
    this.values.clear();
  }

  /** Ends the listening connection for good (the engine closes). */
  async close(): Promise<void> {
    this.closed = true;
    // A connection being opened is ended by `start` itself (it sees `closed`): wait for it, so none is left behind.
    await this.starting;
    await this.stop();
  }

  private listen(): void {
    if (this.starting || this.closed || Date.now() < this.retryAt) return;
    this.starting = this.start().finally(() => (this.starting = undefined));
  }

  private async start(): Promise<void> {
    const client = this.options.connect();
    const lost = () => this.lose(client);
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.forget());
    try {
      await this.ready;
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch {
      this.retryAt = Date.now() + RETRY_AFTER_MS;
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      return;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    // What was read before now may predate a change nobody was listening for: start afresh.
    this.forget();
    this.client = client;
    this.listening = true;
    this.armIdleTimer();
  }

  /** The listening connection broke: nothing kept is trusted any more; the next read listens again. */
  private lose(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.listening = false;
    this.forget();
    this.retryAt = Date.now() + RETRY_AFTER_MS;
    clearTimeout(this.idleTimer);
  }

  private armIdleTimer(): void {
    const { idleMillis } = this.options;
    this.idleTimer = setTimeout(() => {
      const idle = Date.now() - this.lastRead;
      if (idle >= idleMillis) void this.stop();
      else this.armIdleTimer();
    }, Math.max(idleMillis - (Date.now() - this.lastRead), 10));
    this.idleTimer.unref();
  }

  private async stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    this.listening = false;
    this.forget();
    client.removeAllListeners('end');
    client.on('error', () => {});
    await client.end().catch(() => {});
  }
}
