import { describe, expect, it } from 'vitest';
import { offerRenewal, offerTransitionTarget, offerTransitions } from './offer-transitions.ts';
import { can, decide } from './policy.ts';
import { pledgeScope } from './pledge-scope.ts';
import { editableProfileFields, settableVisibilityLevels } from './profile-edit.ts';
import { entityScope } from './scope.ts';
import type { Actor, Membership, Resource } from './types.ts';
import { visitorActor } from './visitor.ts';

/* The tenant of policy.test.ts: univ ⊃ inge ⊃ dept, univ ⊃ mgmt; companies acme and globex. */
const T = 'tenant-uni';
const entityParents = { univ: null, inge: 'univ', mgmt: 'univ', dept: 'inge' } as const;
const actor = (personId: string, ...memberships: Membership[]): Actor => ({ personId, tenantId: T, memberships, entityParents });
const student = actor('p-student', { role: 'student', entityId: 'inge' });
const rep = actor('p-rep', { role: 'company_rep', companyId: 'acme' });
const staff = actor('p-staff', { role: 'staff', entityId: 'inge' });
const admin = actor('p-admin', { role: 'admin', entityId: 'univ' });
const guest = actor('p-guest');

const offer = (status: 'submitted' | 'published', targets: string[] = ['inge'], authorId = 'p-other'): Extract<Resource, { kind: 'offer' }> => ({
  kind: 'offer', tenantId: T, authorId, companyId: 'globex', targetEntityIds: targets, status,
});
const pledge = (companyId: string | undefined, entityId: string, authorId = 'p-other'): Resource => ({ kind: 'pledge', tenantId: T, authorId, entityId, ...(companyId ? { companyId } : {}) });
const records = (entityIds: string[] | 'covered' = []): Resource => ({ kind: 'records', tenantId: T, entityIds });
const person = (personId: string, entityIds: string[], educationLocked = false): Extract<Resource, { kind: 'person' }> => ({ kind: 'person', tenantId: T, personId, entityIds, educationLocked });

describe('offers', () => {
  it('a published offer is everyone’s; another is its insiders’', () => {
    expect(can(guest, 'offer.read', offer('published'))).toBe(true);
    expect([student, rep, staff, admin].map((a) => can(a, 'offer.read', offer('submitted')))).toEqual([false, false, true, true]);
    expect(can(student, 'offer.read', offer('submitted', ['inge'], 'p-student'))).toBe(true);
  });
  it('staff of every target and admins publish directly; the others go through moderation', () => {
    expect([student, rep, staff, admin].map((a) => offerTransitionTarget(a, 'submit', offer('submitted')))).toEqual(['submitted', 'submitted', 'published', 'published']);
    expect(offerTransitionTarget(staff, 'submit', offer('submitted', ['inge', 'mgmt']))).toBe('submitted');
    expect(offerTransitionTarget(student, 'withdraw', offer('submitted'))).toBe('withdrawn');
  });
  it('moderation verbs need offer.moderate, the author’s need offer.edit', () => {
    expect(Object.entries(offerTransitions).map(([verb, t]) => `${verb}:${t.action}`)).toEqual([
      'submit:offer.edit', 'publish:offer.moderate', 'reject:offer.moderate', 'requestChanges:offer.moderate', 'withdraw:offer.edit', 'fill:offer.edit',
    ]);
  });
  it('the moderation queue is staff’s and admins’', () => {
    expect([student, rep, staff, admin].map((a) => can(a, 'offer.queue', records()))).toEqual([false, false, true, true]);
    expect(decide(student, 'offer.queue', records())).toMatchObject({ allowed: false, reason: { code: 'policy.moderationQueue' } });
  });
});

describe('the offer board', () => {
  const board = (openToVisitors: boolean): Resource => ({ kind: 'offerBoard', tenantId: T, openToVisitors });
  it('every signed-in person reads it; a visitor only where the institution opened it', () => {
    expect([student, rep, staff, admin, guest].map((a) => can(a, 'offer.browse', board(false)))).toEqual([true, true, true, true, true]);
    expect(decide(visitorActor(T), 'offer.browse', board(false))).toMatchObject({ allowed: false, reason: { code: 'policy.offerBoardSignIn' } });
    expect(can(visitorActor(T), 'offer.browse', board(true))).toBe(true);
    expect(can(visitorActor('far'), 'offer.browse', board(true))).toBe(false);
  });
  it('a visitor reads published offers and nothing else, whatever a rule says of an actor without memberships', () => {
    expect(can(visitorActor(T), 'offer.read', offer('published'))).toBe(true);
    expect(can(visitorActor(T), 'offer.read', offer('submitted'))).toBe(false);
    expect(can(guest, 'company.request', { kind: 'company', tenantId: T })).toBe(true);
    expect(decide(visitorActor(T), 'company.request', { kind: 'company', tenantId: T })).toMatchObject({ allowed: false, reason: { code: 'auth.required' } });
    expect(can(visitorActor(T), 'profile.read', person('p-other', ['inge']))).toBe(false);
  });
});

describe('pledges', () => {
  it('staff know of every company pledge, read amounts only for their entities', () => {
    expect(can(staff, 'pledge.read', pledge('globex', 'mgmt'))).toBe(true);
    expect(can(staff, 'pledge.readAmount', pledge('globex', 'mgmt'))).toBe(false);
    expect(can(staff, 'pledge.read', pledge(undefined, 'mgmt'))).toBe(false);
    expect(can(rep, 'pledge.read', pledge('acme', 'mgmt'))).toBe(true);
    expect(can(student, 'pledge.read', pledge('acme', 'inge'))).toBe(false);
  });
  it('receiving is for staff of the beneficiary and admins', () => {
    expect([rep, staff, admin].map((a) => can(a, 'pledge.receive', pledge('acme', 'dept')))).toEqual([false, true, true]);
    expect(can(staff, 'pledge.receive', pledge('acme', 'mgmt'))).toBe(false);
  });
  it('amount queries: staff within an entity they cover; who sees only readable amounts, always', () => {
    expect(can(staff, 'pledge.queryAmounts', records())).toBe(false);
    expect(can(staff, 'pledge.queryAmounts', records(['dept']))).toBe(true);
    expect([student, rep, admin].map((a) => can(a, 'pledge.queryAmounts', records()))).toEqual([true, true, true]);
  });
  it('totals and the transfer report: staff and admins', () => {
    for (const action of ['pledge.totals', 'pledge.import'] as const) expect([student, rep, staff, admin].map((a) => can(a, action, records()))).toEqual([false, false, true, true]);
  });
  it('pledgeScope says which pledges lists reach, as the rules do', () => {
    expect(pledgeScope(admin, 'read')).toEqual({ all: true });
    expect(pledgeScope(staff, 'read')).toEqual({ all: false, authorId: 'p-staff', companyIds: [], entityIds: ['inge', 'dept'], anyCompanyPledge: true });
    expect(pledgeScope(staff, 'readAmount')).toMatchObject({ anyCompanyPledge: false });
    expect(pledgeScope(rep, 'read')).toEqual({ all: false, authorId: 'p-rep', companyIds: ['acme'], entityIds: [], anyCompanyPledge: false });
  });
});

describe('lists and exports', () => {
  it('entityScope: admins the whole tenant, staff what they cover, others nothing', () => {
    expect(entityScope(admin)).toEqual({ all: true });
    expect(entityScope(staff)).toEqual({ all: false, entityIds: ['inge', 'dept'] });
    expect(entityScope(student)).toEqual({ all: false, entityIds: [] });
  });
  it('records.export of the entities one covers: staff and admins', () => {
    expect([student, rep, staff, admin].map((a) => can(a, 'records.export', records('covered')))).toEqual([false, false, true, true]);
  });
  it('purposes, consent defaults and the consent export are the administrators’', () => {
    for (const action of ['purpose.manage', 'consent.setDefaults', 'consent.export'] as const) {
      expect([student, staff, admin].map((a) => can(a, action, records()))).toEqual([false, false, true]);
    }
    expect(decide(staff, 'consent.export', records())).toMatchObject({ reason: { code: 'policy.adminOnly', params: { task: 'consentExport' } } });
  });
});

describe('profiles, field by field', () => {
  const ines = person('p-ines', ['inge']);
  it('the owner edits every field and sets every visibility; staff of their school every field but no visibility', () => {
    const ownerActor = actor('p-ines', { role: 'student', entityId: 'inge' });
    expect(editableProfileFields(ownerActor, ines)).toContain('programme');
    expect(settableVisibilityLevels(ownerActor, ines)).toEqual(['private', 'network', 'public']);
    expect(editableProfileFields(staff, ines)).toContain('programme');
    expect(settableVisibilityLevels(staff, ines)).toEqual([]);
    expect(editableProfileFields(student, ines)).toEqual([]);
  });
  it('school-owned fields recorded by staff: the owner keeps the others', () => {
    const ownerActor = actor('p-ines', { role: 'student', entityId: 'inge' });
    const locked = person('p-ines', ['inge'], true);
    const fields = editableProfileFields(ownerActor, locked);
    expect(fields).not.toContain('programme');
    expect(fields).not.toContain('graduationYear');
    expect(fields.length).toBeGreaterThan(0);
    expect(decide(ownerActor, 'profile.editSchoolData', locked)).toMatchObject({ reason: { code: 'policy.educationLocked' } });
    expect(editableProfileFields(staff, locked)).toContain('programme');
  });
  it('duplicates and erasure: staff of the person’s entities and admins, never one’s own erasure', () => {
    expect([student, staff, admin].map((a) => can(a, 'profile.resolveDuplicate', ines))).toEqual([false, true, true]);
    expect(can(staff, 'profile.resolveDuplicate', person('p-x', ['mgmt']))).toBe(false);
    expect([student, staff, admin].map((a) => can(a, 'profile.listDuplicates', records()))).toEqual([false, true, true]);
    expect([student, staff, admin].map((a) => can(a, 'erasure.process', ines))).toEqual([false, true, true]);
    expect(can(admin, 'erasure.process', person('p-admin', ['univ']))).toBe(false);
    expect(decide(staff, 'erasure.process', person('p-x', ['mgmt']))).toMatchObject({ reason: { code: 'policy.erasureStaffOnly' } });
  });
  it('the SOLTéA calendar, the payment pages and the messages’ branding and pages: administrators only, with the reason', () => {
    for (const action of ['pledge.setCalendar', 'pledge.setPaymentPages', 'mail.configure'] as const) {
      expect([student, rep, staff, admin, guest].map((a) => can(a, action, records()))).toEqual([false, false, false, true, false]);
    }
    expect(decide(staff, 'pledge.setCalendar', records())).toMatchObject({ reason: { code: 'policy.adminOnly', params: { task: 'solteaCalendar' } } });
    expect(decide(staff, 'pledge.setPaymentPages', records())).toMatchObject({ reason: { code: 'policy.adminOnly', params: { task: 'paymentPages' } } });
    expect(decide(staff, 'mail.configure', records())).toMatchObject({ reason: { code: 'policy.adminOnly', params: { task: 'mailSettings' } } });
  });
});

describe('the company space', () => {
  const acme: Resource = { kind: 'company', tenantId: T, companyId: 'acme' };
  const globex: Resource = { kind: 'company', tenantId: T, companyId: 'globex' };
  it('every offer of a company: its representatives and administrators, not staff (their queue) nor others', () => {
    expect([student, rep, staff, admin, guest].map((a) => can(a, 'offer.companyList', acme))).toEqual([false, true, false, true, false]);
    expect(can(rep, 'offer.companyList', globex)).toBe(false);
    expect(decide(staff, 'offer.companyList', acme)).toMatchObject({ allowed: false, reason: { code: 'policy.refused', params: { action: 'offer.companyList' } } });
  });
  it('who represents a company: its representatives, staff and administrators', () => {
    expect([student, rep, staff, admin, guest].map((a) => can(a, 'company.representatives', acme))).toEqual([false, true, true, true, false]);
    expect(can(rep, 'company.representatives', globex)).toBe(false);
  });
  it('renewing is editing, while the offer is live or has just expired', () => {
    expect(offerRenewal.action).toBe('offer.edit');
    expect(offerRenewal.from).toEqual(['submitted', 'changes_requested', 'published', 'expired']);
  });
});
