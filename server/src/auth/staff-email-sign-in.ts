/**
 * An institution's choice to let staff and administrators act in a session
 * opened by email code (policy: `roleCarried` in @passerelle/schema). Off
 * unless an operator turns it on with
 * `pnpm passerelle institution set-staff-email-sign-in <slug> on`; kept in
 * the institution's `settings` JSON.
 */
import type { Db, DbOrTx } from '../db/open.ts';
import { findInstitutionSettings, updateInstitutionSettings } from '../consents/queries/settings.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';

/** The key in `institutions.settings`. */
export const STAFF_EMAIL_SIGN_IN = 'staffEmailSignIn';

/** Where the audit entry says the change came from. */
export const INSTITUTION_CLI_ORIGIN = 'cli:institution';

/** Whether the institution lets email-code sessions keep staff and admin rights. */
export async function staffEmailSignInAllowed(db: DbOrTx, tenantId: string): Promise<boolean> {
  return (await findInstitutionSettings(db, tenantId))?.settings[STAFF_EMAIL_SIGN_IN] === true;
}

/** Sets the choice (other settings untouched), with an audit entry when it changes; what it was and is now. */
export function setStaffEmailSignIn(db: Db, tenantId: string, on: boolean, now: Date): Promise<{ before: boolean; after: boolean }> {
  return withTransaction({ db }, async (tx) => {
    const settings = (await findInstitutionSettings(tx, tenantId))?.settings ?? {};
    const before = settings[STAFF_EMAIL_SIGN_IN] === true;
    if (before === on) return { before, after: on };
    await updateInstitutionSettings(tx, tenantId, { ...settings, [STAFF_EMAIL_SIGN_IN]: on });
    await writeAudit(
      tx,
      { tenantId, actorId: null, origin: INSTITUTION_CLI_ORIGIN, at: now.toISOString() },
      { action: 'institution.staffEmailSignIn', objectType: 'institution', objectId: tenantId, detail: { staffEmailSignIn: { from: before, to: on } } },
    );
    return { before, after: on };
  });
}
