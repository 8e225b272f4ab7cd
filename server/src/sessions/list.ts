/** Listing one's own sessions. */
import type { SessionList } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { listLiveSessionsOf } from '../auth/queries/sessions.ts';

/** The caller's live sessions, newest first, `current` marking the one given (never a token). */
export async function listSessions(deps: Pick<Deps, 'db' | 'clock'>, call: Call, input: { currentSessionId: string }): Promise<SessionList> {
  const { actor } = call;
  const rows = await listLiveSessionsOf(deps.db, actor.tenantId, actor.personId, deps.clock.now().toISOString());
  return { items: rows.map((r) => ({ id: r.id, signInMethod: r.method, createdAt: r.createdAt, expiresAt: r.expiresAt, current: r.id === input.currentSessionId })) };
}
