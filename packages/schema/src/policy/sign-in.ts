/**
 * What a session may do depends on how it was opened. The institution's
 * single sign-on (its second factor included) vouches for the person behind
 * a `host` session; an emailed code only proves access to a mailbox. Email
 * codes are for people without an institutional account, so an `email`
 * session carries the student, alumnus and company-representative
 * memberships, never staff or admin ones — unless the institution allowed it
 * (`pnpm passerelle institution set-staff-email-sign-in <slug> on`).
 *
 * The server builds the session's actor with `actorForSession`; `decide`
 * tells a refusal caused by a withheld membership apart (the person holds
 * the role, the session does not carry it) and says how to sign in instead.
 */
import type { Message } from '../messages/codes.ts';
import { roles, type Actor, type Membership, type Role } from './types.ts';

export const signInMethods = ['host', 'email'] as const;
/** `host`: an identity token signed by the institution's site; `email`: a code sent by email. */
export type SignInMethod = (typeof signInMethods)[number];

/** Roles the institution's sign-in must vouch for: an email code does not carry them. */
export const institutionalRoles: readonly Role[] = ['staff', 'admin', 'dpo'];

export interface SessionSignIn {
  readonly method: SignInMethod;
  /** The institution lets staff and administrators act after an email code (off unless set). */
  readonly staffEmailSignIn: boolean;
}

/** Why a staff or admin action is refused in a session that holds the role but does not carry it. */
export const EMAIL_SESSION_WITHHOLDS_STAFF: Message = { code: 'policy.emailSessionWithholdsStaff', params: {} };

/** Whether a session opened this way may use a membership with this role. */
export function roleCarried(role: Role, signIn: SessionSignIn): boolean {
  return signIn.method === 'host' || signIn.staffEmailSignIn || !institutionalRoles.includes(role);
}

/**
 * The actor a session acts as: the memberships its sign-in does not carry
 * move from `memberships` to `withheldMemberships`.
 */
export function actorForSession(actor: Actor, signIn: SessionSignIn): Actor {
  const usable: Membership[] = [];
  const withheld: Membership[] = [...(actor.withheldMemberships ?? [])];
  for (const m of actor.memberships) (roleCarried(m.role, signIn) ? usable : withheld).push(m);
  return withheld.length === 0 ? actor : { ...actor, memberships: usable, withheldMemberships: withheld };
}

/** The roles the person holds but this session withholds, in the order of `roles`. */
export function withheldRoles(actor: Actor): Role[] {
  const held = new Set((actor.withheldMemberships ?? []).map((m) => m.role));
  return roles.filter((r) => held.has(r));
}

/** The same person with every membership they hold, or undefined when the session withholds none. */
function withEveryMembership(actor: Actor): Actor | undefined {
  const withheld = actor.withheldMemberships ?? [];
  if (withheld.length === 0) return undefined;
  return { ...actor, memberships: [...actor.memberships, ...withheld], withheldMemberships: [] };
}

/**
 * Why a check refuses: undefined when `passes(actor)`; else
 * {@link EMAIL_SESSION_WITHHOLDS_STAFF} when a membership the session
 * withholds would pass it, else `reason`. `decide` uses it for every rule;
 * the server uses it for the few role checks outside the action table
 * (moderation queues, administrator lists).
 */
export function refusalReason(actor: Actor, passes: (actor: Actor) => boolean, reason: Message): Message | undefined {
  if (passes(actor)) return undefined;
  const whole = withEveryMembership(actor);
  return whole && passes(whole) ? EMAIL_SESSION_WITHHOLDS_STAFF : reason;
}
