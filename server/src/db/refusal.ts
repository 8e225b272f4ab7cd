/**
 * When the database, rather than the request, is why a request failed: full
 * (the API answers 507) or unavailable for a moment (503 with Retry-After),
 * in the same words on both engines. Either way the transaction was rolled
 * back (`withTransaction` does it on any rejection), so the answer can
 * honestly say nothing was saved.
 *
 * SQLite says it with result codes (`SQLITE_FULL`, `SQLITE_BUSY`…).
 * PostgreSQL with SQLSTATEs (53100 disk full; 53300 too many connections,
 * 57P01 to 57P03 shutting down or starting, class 08 connection
 * exceptions, 40001/40P01 once the transaction's retries are spent, 55P03
 * a lock not available), and node-postgres with the connection's own
 * errors: refused, reset, timed out, a pool that found no connection in
 * time, a connection ended under a statement. Socket errors count only
 * when the engine raised them (`fromDatabase`: its statements, its pool's
 * connections): a mail server that refuses a connection is not the
 * database.
 */
import pg from 'pg';

export interface DatabaseRefusal {
  /** `full`: no room to write (507); `unavailable`: try again shortly (503). */
  readonly kind: 'full' | 'unavailable';
  /** Unavailable because the server cannot be reached (down, starting, shutting down, the connection lost), not merely busy. */
  readonly unreachable?: true;
  /** The engine's code, for the log line. */
  readonly code: string;
}

/** The SQLite result code behind an error, if any: better-sqlite3 throws a SqliteError with `code`, which drizzle wraps in a DrizzleQueryError as its `cause`. */
export function sqliteCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  }
  return undefined;
}

const raised = new WeakSet<object>();

/** Remembers `error` as the database engine's (a statement's, a connection's) and returns it: `databaseRefusal` words only those. */
export function fromDatabase<E>(error: E): E {
  if (typeof error === 'object' && error !== null) raised.add(error);
  return error;
}

/** SQLSTATEs that mean "the server is busy; the same request may succeed in a moment". */
const BUSY_STATES = new Set(['53300', '40001', '40P01', '55P03']);
/** SQLSTATEs that mean "the server is going away or not there yet" (admin shutdown, crash shutdown, starting). */
const GONE_STATES = new Set(['57P01', '57P02', '57P03']);
/** The connection's own failures (Node's socket errors). */
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/** node-postgres's words for a connection that did not come or went away (they carry no code). */
const CONNECTION_LOST = /timeout exceeded when trying to connect|Connection terminated/;

function sqliteRefusal(code: string): DatabaseRefusal | undefined {
  const primary = code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1');
  if (primary === 'SQLITE_FULL') return { kind: 'full', code };
  if (primary === 'SQLITE_BUSY' || primary === 'SQLITE_LOCKED') return { kind: 'unavailable', code };
  return undefined;
}

/** What PostgreSQL (`pg.DatabaseError`: the server's answer) or node-postgres said, when it means full or unavailable. */
function postgresRefusal(e: Error, fromEngine: boolean): DatabaseRefusal | undefined {
  const code = (e as Error & { code?: unknown }).code;
  if (e instanceof pg.DatabaseError && typeof code === 'string') {
    if (code === '53100') return { kind: 'full', code };
    if (BUSY_STATES.has(code)) return { kind: 'unavailable', code };
    if (GONE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return { kind: 'unavailable', code, unreachable: true };
    return undefined;
  }
  if (fromEngine && typeof code === 'string' && CONNECTION_ERRORS.has(code)) return { kind: 'unavailable', code, unreachable: true };
  if (CONNECTION_LOST.test(e.message)) return { kind: 'unavailable', code: 'connection', unreachable: true };
  return undefined;
}

/** Whether `err` (or what caused it: drizzle wraps the driver's error) says the database is full or unavailable. */
export function databaseRefusal(err: unknown): DatabaseRefusal | undefined {
  let fromEngine = false;
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return sqliteRefusal(code);
    // Marked by the engine: what it wraps is the engine's too.
    fromEngine ||= raised.has(e);
    const refusal = postgresRefusal(e, fromEngine);
    if (refusal) return refusal;
  }
  return undefined;
}
