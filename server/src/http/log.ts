import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../env.ts';

export type { Logger } from 'pino';

/**
 * The server's log: one JSON line per event on standard output (pino), for
 * the operator's collector; in development mode one readable line instead.
 * What may be written is decided where lines are made (request-log.ts,
 * errors.ts): a request's method, route pattern, status, duration and id —
 * never a header, a query string, a body, a token or an address.
 */
export function createLogger(config: Pick<Config, 'logLevel' | 'dev'>, destination?: DestinationStream): Logger {
  const options = { level: config.logLevel, base: { service: 'passerelle-api' }, timestamp: pino.stdTimeFunctions.isoTime };
  if (destination) return pino(options, destination);
  // Asynchronous: a line is handed to the system when the event loop is free, the lines of a busy moment in one write
  // (one write per request cost more than the request's own queries under load); pino writes what is left when the process exits.
  return config.dev ? pino(options, readable(process.stdout)) : pino(options, pino.destination({ dest: 1, sync: false }));
}

const LEVELS: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };

/** The JSON lines as a person reads them in a terminal: time, level, message, request, then the other fields. */
export function readable(out: { write(text: string): unknown }): DestinationStream {
  return {
    write(line: string) {
      const { time, level, msg, service: _service, pid: _pid, hostname: _hostname, reqId, method, route, status, durationMs, err, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const clock = typeof time === 'string' ? time.slice(11, 19) : '';
      const request = method ? ` ${String(method)} ${String(route)} → ${String(status)} in ${String(durationMs)} ms` : '';
      const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
      const id = reqId ? `  [${String(reqId)}]` : '';
      const stack = err && typeof err === 'object' && 'stack' in err ? `\n${String((err as { stack: unknown }).stack)}` : '';
      out.write(`${clock} ${LEVELS[Number(level)] ?? String(level)} ${String(msg ?? '')}${request}${extra}${id}${stack}\n`);
    },
  };
}
