import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { can, decide } from './policy.ts';
import type { Actor, Membership, Resource } from './types.ts';
import { SolicitationCheckSchema, SolicitationCreateSchema } from '../solicitations/index.ts';

/* The tenant of policy.test.ts: univ ⊃ inge ⊃ dept, univ ⊃ mgmt. */
const T = 'tenant-uni';
const entityParents = { univ: null, inge: 'univ', mgmt: 'univ', dept: 'inge' } as const;
const actor = (personId: string, ...memberships: Membership[]): Actor => ({ personId, tenantId: T, memberships, entityParents });
const student = actor('p-student', { role: 'student', entityId: 'inge' });
const dpo = actor('p-dpo', { role: 'dpo', entityId: 'univ' });
const staff = actor('p-staff', { role: 'staff', entityId: 'inge' });
const admin = actor('p-admin', { role: 'admin', entityId: 'univ' });
const records = (entityIds: string[] | 'covered'): Resource => ({ kind: 'records', tenantId: T, entityIds });
const person = (personId: string, entityIds: string[]): Resource => ({ kind: 'person', tenantId: T, personId, entityIds });

describe('the solicitation ledger', () => {
  it('a message is recorded in the name of an entity by its staff (or above it) or an administrator', () => {
    expect([student, dpo, staff, admin].map((a) => can(a, 'solicitation.record', records(['dept'])))).toEqual([false, false, true, true]);
    expect(can(staff, 'solicitation.record', records(['mgmt']))).toBe(false);
    expect(decide(staff, 'solicitation.record', records(['mgmt']))).toMatchObject({ allowed: false, reason: { code: 'policy.refused', params: { action: 'solicitation.record' } } });
  });
  it('checking before sending is for staff and administrators', () => {
    expect([student, dpo, staff, admin].map((a) => can(a, 'solicitation.check', records('covered')))).toEqual([false, false, true, true]);
  });
  it('who contacted a person: the person, staff of their entities, administrators', () => {
    const ines = person('p-ines', ['dept']);
    expect([student, dpo, staff, admin].map((a) => can(a, 'solicitation.read', ines))).toEqual([false, false, true, true]);
    expect(can(actor('p-ines', { role: 'student', entityId: 'dept' }), 'solicitation.read', ines)).toBe(true);
    expect(can(staff, 'solicitation.read', person('p-marc', ['mgmt']))).toBe(false);
  });
  it('the bodies say what is wrong by code', () => {
    const id = '0b6f3c1e-4f1a-4c1e-9b7e-2b1f0f6e1a01';
    expect(v.safeParse(SolicitationCreateSchema, { personId: id, purpose: 'newsletter', channel: 'email', entityId: id, campaign: 'Gala 2026' }).success).toBe(true);
    const empty = v.safeParse(SolicitationCheckSchema, { people: [], purpose: 'newsletter', channel: 'email' });
    expect(empty.issues?.[0]?.message).toBe('solicitation.people.range');
  });
});
