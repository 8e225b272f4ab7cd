/**
 * An in-process wake-up for the mail worker: a message queued in a
 * transaction is sent on the next turn instead of at the next poll (other
 * instances find it by polling). Listeners run after the current turn,
 * once the transaction is over; after a rollback they find nothing new.
 */
const listeners = new Set<() => void>();
let scheduled = false;

export function onMailQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function announceMailQueued(): void {
  if (scheduled || listeners.size === 0) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    for (const listener of [...listeners]) listener();
  });
}
