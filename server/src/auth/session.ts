import { createHash, randomBytes } from 'node:crypto';
import { actorForSession, type Actor, type Membership, type SignInMethod } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { findLiveSession, insertSession, markSessionRevoked } from './queries/sessions.ts';
import { listEntityParents } from '../tenancy/queries/entities.ts';
import { listMembershipRoles } from '../tenancy/queries/memberships.ts';
import { untilChange } from '../db/until-change.ts';
import { staffEmailSignInAllowed } from './staff-email-sign-in.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session: 256 random bits, only their hash is stored. */
export async function openSession(db: DbOrTx, input: { tenantId: string; personId: string; method: SignInMethod; now: Date; ttlMinutes: number }) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + input.ttlMinutes * 60_000);
  await insertSession(db, {
    tenantId: input.tenantId,
    personId: input.personId,
    tokenHash: hashToken(token),
    method: input.method,
    createdAt: input.now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

/** The live session behind a bearer token, or undefined (unknown, expired or revoked). */
export function findSession(db: DbOrTx, token: string, now: Date) {
  return findLiveSession(db, hashToken(token), now.toISOString());
}

export async function revokeSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await markSessionRevoked(db, sessionId, now.toISOString());
}

/** The parent of every entity of a tenant: what the policy needs to scope staff to a subtree. */
export async function entityParents(db: DbOrTx, tenantId: string): Promise<Record<string, string | null>> {
  const rows = await listEntityParents(db, tenantId);
  return Object.fromEntries(rows.map((r) => [r.id, r.parentId]));
}

/**
 * Builds the policy's Actor from the database: roles never come from a client.
 * Kept until the database changes (`untilChange`): the same object may serve
 * several requests, so nobody may modify it.
 */
export function loadActor(db: DbOrTx, tenantId: string, personId: string): Promise<Actor> {
  return untilChange(db, `actor:${tenantId}:${personId}`, () => readActor(db, tenantId, personId));
}

/**
 * The actor a session acts as: the person's memberships, less those its
 * sign-in method does not carry (an email code: staff and admin, unless the
 * institution allows them; the rule is `actorForSession` in the policy).
 * Kept until the database changes, like `loadActor`.
 */
export function loadSessionActor(db: DbOrTx, session: { tenantId: string; personId: string; method: SignInMethod }): Promise<Actor> {
  if (session.method === 'host') return loadActor(db, session.tenantId, session.personId);
  return untilChange(db, `actor:${session.tenantId}:${session.personId}:${session.method}`, async () =>
    actorForSession(await readActor(db, session.tenantId, session.personId), { method: session.method, staffEmailSignIn: await staffEmailSignInAllowed(db, session.tenantId) }),
  );
}

async function readActor(db: DbOrTx, tenantId: string, personId: string): Promise<Actor> {
  const rows = await listMembershipRoles(db, tenantId, personId);
  const list: Membership[] = [];
  for (const r of rows) {
    if (r.role === 'company_rep') {
      if (r.companyId) list.push({ role: 'company_rep', companyId: r.companyId });
    } else if (r.entityId) {
      list.push({ role: r.role, entityId: r.entityId });
    }
  }
  return { personId, tenantId, memberships: list, entityParents: await entityParents(db, tenantId) };
}
