/**
 * An in-process wake-up for the delivery runner: a message written to the
 * outbox (an event, an administrator's retry) is sent at once instead of
 * at the next poll. Other instances still find it by polling.
 *
 * Messages are written inside a transaction, which better-sqlite3 runs
 * synchronously: the listeners are called on a later turn of the event
 * loop (`setImmediate`), after the commit — or after a rollback, in which
 * case they find nothing new.
 */
const listeners = new Set<() => void>();
let scheduled = false;

/** Calls `listener` after each batch of announcements; returns the unsubscribe function. */
export function onDeliveriesQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Says that messages were queued (several calls in one turn make one wake-up). */
export function announceDeliveriesQueued(): void {
  if (scheduled || listeners.size === 0) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    for (const listener of [...listeners]) listener();
  });
}
