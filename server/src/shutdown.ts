import type { Server, ServerResponse } from 'node:http';

export interface ShutdownOptions {
  /** The API's HTTP server, already listening. */
  server: Server;
  /** How long the requests in flight may take once the signal came (SHUTDOWN_GRACE_SECONDS). */
  graceSeconds: number;
  /** Background work to let finish: the webhook runner's `stop()` (the attempts in flight). */
  stopWorkers: () => Promise<void>;
  /** Closes the database: the last thing before exiting. */
  closeDatabase: () => void;
  log?: (line: string) => void;
  exit?: (code: number) => void;
}

const requests = (n: number) => `${n} request${n === 1 ? '' : 's'}`;

/**
 * Stops the API on SIGTERM or SIGINT without cutting what is in flight:
 * the port closes at once (a new connection is refused), idle keep-alive
 * connections are closed, each request in flight is answered (with
 * `Connection: close`) and the workers finish their current attempt; then
 * the database is closed and the process exits 0.
 *
 * After `graceSeconds`, the connections still open are destroyed and the
 * process exits 0, saying how many requests were cut. A second signal while
 * stopping exits at once with code 1 (the operator insisted; what was cut is
 * said too). Either way nothing is half-written: each write is one SQLite
 * transaction, and a request cut before its answer can be sent again (with
 * its Idempotency-Key or If-Match).
 */
export function stopGracefullyOnSignal(options: ShutdownOptions): void {
  const { server, graceSeconds } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  /** Requests whose answer is not finished yet (received, or still arriving). */
  const inFlight = new Set<ServerResponse>();
  let stopping = false;

  const closeAfterAnswer = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  // Before the app's own listener, so that a request is counted before any answer starts.
  server.prependListener('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    if (stopping) closeAfterAnswer(res);
  });

  let finished = false;
  const finish = (code: number, line: string) => {
    if (finished) return;
    finished = true;
    log(line);
    options.closeDatabase();
    exit(code);
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      finish(1, `Passerelle API: ${signal} again while stopping; exiting now (code 1), ${requests(inFlight.size)} cut`);
      return;
    }
    stopping = true;
    const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const res of inFlight) closeAfterAnswer(res);
    server.closeIdleConnections();
    log(`Passerelle API: ${signal} received; refusing new connections, finishing ${requests(inFlight.size)} in flight (grace ${graceSeconds} s)`);

    let workersDone = false;
    const workers = options.stopWorkers().then(
      () => void (workersDone = true),
      (err: unknown) => {
        workersDone = true;
        console.error('Passerelle API: the workers did not stop cleanly:', err);
      },
    );
    const grace = setTimeout(() => {
      const cut = inFlight.size;
      server.closeAllConnections();
      const workersNote = workersDone ? '' : '; a webhook attempt still in flight is retried later';
      finish(0, `Passerelle API stopped after the ${graceSeconds} s grace: ${requests(cut)} cut${workersNote}`);
    }, graceSeconds * 1000);
    void Promise.all([httpClosed, workers]).then(() => {
      clearTimeout(grace);
      finish(0, 'Passerelle API stopped: every request in flight was answered');
    });
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, onSignal);
}
