import type { Clock } from '../context.ts';
import { ProblemError } from '../http/problem.ts';

/** Downloading or erasing one's data needs a sign-in this recent: a forgotten open session is not enough. */
export const RECENT_SIGN_IN_MINUTES = 15;

/** Refuses (401, `reason: recentSignInRequired`) a session opened longer ago than `RECENT_SIGN_IN_MINUTES`. */
export function requireRecentSignIn(clock: Clock, signedInAt: Date, task: 'export' | 'erase'): void {
  const age = clock.now().getTime() - signedInAt.getTime();
  if (age > RECENT_SIGN_IN_MINUTES * 60_000) {
    throw new ProblemError('unauthenticated', 'rights.recentSignIn', { task, minutes: RECENT_SIGN_IN_MINUTES }, {
      members: { reason: 'recentSignInRequired' },
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
}
