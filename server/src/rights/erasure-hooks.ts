import type { DbOrTx } from '../db/open.ts';
import { clearPersonIdentity, deletePersonMemberships, revokeOpenSessions } from './queries/identity.ts';
import { withdrawAll } from '../consents/state.ts';
import { recordEvent } from '../webhooks/record.ts';
import { profileErasure } from './parts/profiles.ts';
import { pledgeErasure } from './parts/pledges.ts';
import { mailErasure } from '../mail/erasure.ts';
import { addressErasure } from '../addresses/erasure.ts';

export interface ErasureContext {
  tenantId: string;
  personId: string;
  /** Who acts: the person (at once) or the staff member processing the request. */
  actorId: string;
  /** The request's Origin as the server checked it (`checkedOrigin`): the consent withdrawals record it. */
  origin: string | null;
  at: string;
  now: Date;
}

/**
 * What one area does when a person asks to be erased. `atOnce` runs in the
 * transaction of the request (it must stop the person's data being shown or
 * used right away); `onProcess` runs when staff process it. Each returns a
 * short outcome for the request's record (no personal data in it).
 */
export interface ErasureHook {
  name: string;
  atOnce?: (tx: DbOrTx, ctx: ErasureContext) => Promise<string | undefined>;
  onProcess?: (tx: DbOrTx, ctx: ErasureContext) => Promise<string | undefined>;
}

/**
 * Marketing stops at once: every optional purpose withdrawn, every
 * legitimate-interest one objected to. The events stay — they prove what the
 * person agreed to and when (GDPR art. 7(1)) and carry no name or address.
 */
const consents: ErasureHook = {
  name: 'consents',
  atOnce: async (tx, ctx) => {
    const changes = await withdrawAll(tx, { tenantId: ctx.tenantId, personId: ctx.personId, actorId: ctx.actorId, actorReason: 'erasure request', at: ctx.at, origin: ctx.origin, originPage: null, originComponent: 'erasure' }, ctx.now);
    // The CRM hears of the withdrawal like of any other consent change.
    if (changes.length > 0) await recordEvent(tx, ctx, { type: 'consent.changed', personId: ctx.personId, changes });
    return `withdrawn: ${changes.reduce((n, c) => n + c.channels.length, 0)} channel(s)`;
  },
};

/**
 * Last: the identity itself. The `people` row stays (an anonymous id that
 * consent proofs, pledges and audit entries point at) but loses its name,
 * email and single-sign-on subject — signing in again starts a new person.
 * Sessions end and roles go.
 */
const identity: ErasureHook = {
  name: 'identity',
  onProcess: async (tx, ctx) => {
    await clearPersonIdentity(tx, ctx.tenantId, ctx.personId);
    await revokeOpenSessions(tx, ctx.tenantId, ctx.personId, ctx.at);
    await deletePersonMemberships(tx, ctx.tenantId, ctx.personId);
    return 'name, email and sign-in identity removed; sessions ended; roles removed';
  },
};

/**
 * The hooks, in order. Each area's (profile hiding and deletion, pledge
 * anonymisation) lives in `parts/<area>.ts`; `identity` comes last.
 */
export const erasureHooks: ErasureHook[] = [consents, profileErasure, pledgeErasure, mailErasure, addressErasure, identity];

export async function runErasure(tx: DbOrTx, phase: 'atOnce' | 'onProcess', ctx: ErasureContext): Promise<Record<string, string>> {
  const outcome: Record<string, string> = {};
  for (const hook of erasureHooks) {
    const result = await hook[phase]?.(tx, ctx);
    if (result !== undefined) outcome[hook.name] = result;
  }
  return outcome;
}
