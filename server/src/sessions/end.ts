/** Ending one's own sessions: one of them, or all ("sign out everywhere"). */
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { revokeLiveSessionOf, revokeLiveSessionsOf } from '../auth/queries/sessions.ts';
import { writeAudit } from '../audit/audit.ts';
import { notFound } from '../http/problem.ts';
import { withTransaction } from '../db/transaction.ts';

/** Ends every live session of the caller, the current one included, audited with how many ended. */
export function endAllSessions(deps: Pick<Deps, 'db'>, call: Call): Promise<void> {
  const { actor, who } = call;
  return withTransaction({ db: deps.db }, async (tx) => {
    const ended = await revokeLiveSessionsOf(tx, actor.tenantId, actor.personId, who.at);
    await writeAudit(tx, who, { action: 'auth.session.endAll', objectType: 'session', subjectId: actor.personId, detail: { ended } });
  });
}

/** Ends one live session of the caller (another person's, or one already ended, is 404), audited. */
export function endSession(deps: Pick<Deps, 'db'>, call: Call, input: { id: string }): Promise<void> {
  const { actor, who } = call;
  return withTransaction({ db: deps.db }, async (tx) => {
    if (!(await revokeLiveSessionOf(tx, actor.tenantId, actor.personId, input.id, who.at))) throw notFound('session.notFound');
    await writeAudit(tx, who, { action: 'auth.session.end', objectType: 'session', objectId: input.id, subjectId: actor.personId });
  });
}
