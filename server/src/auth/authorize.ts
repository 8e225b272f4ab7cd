import { EMAIL_SESSION_WITHHOLDS_STAFF, decide, refusalReason, type Action, type Actor, type Resource } from '@passerelle/schema';
import { ProblemError } from '../http/problem.ts';

/**
 * Enforces the shared policy: a refusal is 403 with the policy's reason (its code, worded in the reader's language),
 * except for another tenant's object, which is 404 — its existence is not
 * ours to reveal.
 */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  const decision = decide(actor, action, resource);
  if (decision.allowed) return;
  if (!decision.sameTenant) throw new ProblemError('notFound', 'resource.notFound');
  throw ProblemError.of('forbidden', decision.reason, { members: { action } });
}

/**
 * The refusal of an object the caller may not know exists: `unseen` (a 404),
 * unless a membership the session withholds would show it — the person holds
 * that role, so the answer says how to sign in instead (403).
 */
export function unseenRefusal(actor: Actor, sees: (actor: Actor) => boolean, unseen: ProblemError): ProblemError {
  return refusalReason(actor, sees, unseen.said) === EMAIL_SESSION_WITHHOLDS_STAFF ? ProblemError.of('forbidden', EMAIL_SESSION_WITHHOLDS_STAFF) : unseen;
}
