import { describe, expect, it } from 'vitest';
import { allowedActions } from './allowed-actions.ts';
import { decide } from './policy.ts';
import { refusalReasons } from './reasons.ts';
import { EMAIL_SESSION_WITHHOLDS_STAFF, actorForSession, refusalReason, roleCarried, withheldRoles } from './sign-in.ts';
import type { Actor, Membership, Resource } from './types.ts';

const T = 'tenant-uni';
const entityParents = { univ: null, inge: 'univ', mgmt: 'univ' } as const;
const person = (...memberships: Membership[]): Actor => ({ personId: 'p-1', tenantId: T, memberships, entityParents });

const admin = person({ role: 'admin', entityId: 'univ' });
const staffAndAlum = person({ role: 'staff', entityId: 'inge' }, { role: 'alumnus', entityId: 'mgmt' }, { role: 'company_rep', companyId: 'acme' });
const byEmail = { method: 'email', staffEmailSignIn: false } as const;
const byHost = { method: 'host', staffEmailSignIn: false } as const;
const byEmailAllowed = { method: 'email', staffEmailSignIn: true } as const;

const webhook: Resource = { kind: 'webhook', tenantId: T, entityId: 'univ' };
const submittedOffer: Resource = { kind: 'offer', tenantId: T, authorId: 'p-2', companyId: 'acme', targetEntityIds: ['inge'], status: 'submitted' };

describe('which memberships a session carries', () => {
  it('an email code carries student, alumnus and company-representative roles, never staff or admin', () => {
    expect(roleCarried('student', byEmail)).toBe(true);
    expect(roleCarried('alumnus', byEmail)).toBe(true);
    expect(roleCarried('company_rep', byEmail)).toBe(true);
    expect(roleCarried('staff', byEmail)).toBe(false);
    expect(roleCarried('admin', byEmail)).toBe(false);
  });

  it('the institution’s sign-in carries every role, and so does an email code where the institution allows it', () => {
    for (const role of ['student', 'alumnus', 'company_rep', 'staff', 'admin'] as const) {
      expect(roleCarried(role, byHost)).toBe(true);
      expect(roleCarried(role, byEmailAllowed)).toBe(true);
    }
  });

  it('moves the staff and admin memberships of an email session aside, keeping the others', () => {
    const actor = actorForSession(staffAndAlum, byEmail);
    expect(actor.memberships).toEqual([{ role: 'alumnus', entityId: 'mgmt' }, { role: 'company_rep', companyId: 'acme' }]);
    expect(actor.withheldMemberships).toEqual([{ role: 'staff', entityId: 'inge' }]);
    expect(withheldRoles(actor)).toEqual(['staff']);
    expect(withheldRoles(actorForSession(admin, byEmail))).toEqual(['admin']);
    expect(actorForSession(admin, byHost)).toBe(admin);
    expect(actorForSession(admin, byEmailAllowed)).toBe(admin);
    expect(withheldRoles(admin)).toEqual([]);
  });
});

describe('decide in an email session', () => {
  it('refuses what only the withheld role allows, saying to sign in through the institution', () => {
    const decision = decide(actorForSession(admin, byEmail), 'webhook.manage', webhook);
    expect(decision).toEqual({ allowed: false, reason: EMAIL_SESSION_WITHHOLDS_STAFF, sameTenant: true });
    const moderation = decide(actorForSession(staffAndAlum, byEmail), 'offer.moderate', submittedOffer);
    expect(moderation).toMatchObject({ allowed: false, reason: EMAIL_SESSION_WITHHOLDS_STAFF });
  });

  it('keeps the usual reason when the withheld role would not allow it either', () => {
    const elsewhere: Resource = { kind: 'offer', tenantId: T, authorId: 'p-2', companyId: 'acme', targetEntityIds: ['mgmt'], status: 'submitted' };
    expect(decide(actorForSession(staffAndAlum, byEmail), 'offer.moderate', elsewhere)).toMatchObject({ allowed: false, reason: refusalReasons['offer.moderate'] });
    const someonesConsent: Resource = { kind: 'person', tenantId: T, personId: 'p-2', entityIds: ['inge'] };
    expect(decide(actorForSession(admin, byEmail), 'consent.edit', someonesConsent)).toMatchObject({ allowed: false, reason: refusalReasons['consent.edit'] });
  });

  it('still allows what the carried roles allow, and the same person signed in by the institution keeps every power', () => {
    expect(decide(actorForSession(staffAndAlum, byEmail), 'offer.create', submittedOffer).allowed).toBe(true);
    expect(decide(actorForSession(admin, byHost), 'webhook.manage', webhook).allowed).toBe(true);
    expect(decide(actorForSession(admin, byEmailAllowed), 'webhook.manage', webhook).allowed).toBe(true);
  });

  it('what /v1/me reports the session can do leaves out the withheld powers', () => {
    const can = allowedActions(actorForSession(admin, byEmail));
    expect(can['webhook.manage']).toBe(false);
    expect(can['offer.moderate']).toBe(false);
    expect(can['company.create']).toBe(false);
    expect(can['profile.edit']).toBe(true);
    expect(allowedActions(admin)['webhook.manage']).toBe(true);
  });

  it('a role check outside the table tells a withheld role apart from a missing one', () => {
    const isAdmin = (a: Actor) => a.memberships.some((m) => m.role === 'admin');
    const adminsOnly = refusalReasons['webhook.manage'];
    expect(refusalReason(actorForSession(admin, byEmail), isAdmin, adminsOnly)).toBe(EMAIL_SESSION_WITHHOLDS_STAFF);
    expect(refusalReason(actorForSession(staffAndAlum, byEmail), isAdmin, adminsOnly)).toBe(adminsOnly);
    expect(refusalReason(admin, isAdmin, adminsOnly)).toBeUndefined();
  });
});
