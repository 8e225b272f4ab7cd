import type { Db } from '../db/open.ts';
import { setStaffEmailSignIn } from '../auth/staff-email-sign-in.ts';
import { CliInputError, tenantId } from './tenant.ts';

const onOff = (on: boolean) => (on ? 'on' : 'off');

/**
 * `institution set-staff-email-sign-in <slug> on|off`: whether staff and
 * administrators keep their rights in a session opened by email code (off by
 * default: they sign in through the institution's site). Applies at once,
 * to sessions already open too.
 */
export function setStaffEmailSignInCommand(db: Db, slug: string, value: string): string {
  if (value !== 'on' && value !== 'off') throw new CliInputError(`Say on or off: pnpm passerelle institution set-staff-email-sign-in ${slug} on|off`);
  const id = tenantId(db, slug);
  const { before, after } = setStaffEmailSignIn(db, id, value === 'on', new Date());
  if (before === after) return `Staff email sign-in for ${slug} was already ${onOff(after)}: nothing changed.`;
  const effect = after
    ? 'staff and administrators who sign in with an email code now keep their rights.'
    : 'sessions opened with an email code no longer carry staff or administrator rights.';
  return `Staff email sign-in for ${slug}: ${onOff(before)} → ${onOff(after)}; ${effect}`;
}
