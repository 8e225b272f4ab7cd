import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { can, decide } from './policy.ts';
import type { Actor, Membership, Resource } from './types.ts';
import { RetentionRuleInputSchema } from '../retention/index.ts';

/* univ ⊃ inge ⊃ dept, univ ⊃ mgmt. */
const T = 'tenant-uni';
const entityParents = { univ: null, inge: 'univ', mgmt: 'univ', dept: 'inge' } as const;
const actor = (personId: string, ...memberships: Membership[]): Actor => ({ personId, tenantId: T, memberships, entityParents });
const student = actor('p-student', { role: 'student', entityId: 'inge' });
const dpo = actor('p-dpo', { role: 'dpo', entityId: 'univ' });
const staff = actor('p-staff', { role: 'staff', entityId: 'inge' });
const admin = actor('p-admin', { role: 'admin', entityId: 'univ' });
const records = (entityIds: string[] | 'covered'): Resource => ({ kind: 'records', tenantId: T, entityIds });
const person = (personId: string, entityIds: string[]): Resource => ({ kind: 'person', tenantId: T, personId, entityIds });

describe('retention', () => {
  it('staff review the inactive people of the entities they look after, administrators everyone’s; nobody else', () => {
    expect([student, dpo, staff, admin].map((a) => can(a, 'retention.review', records('covered')))).toEqual([false, false, true, true]);
    expect(can(staff, 'retention.review', records(['dept']))).toBe(true);
    expect(decide(staff, 'retention.review', records(['mgmt']))).toMatchObject({ allowed: false, reason: { code: 'policy.refused', params: { action: 'retention.review' } } });
  });
  it('the number of years is the administrators’', () => {
    expect([student, dpo, staff, admin].map((a) => can(a, 'retention.setRule', records([])))).toEqual([false, false, false, true]);
    expect(decide(staff, 'retention.setRule', records([]))).toMatchObject({ reason: { code: 'policy.refused', params: { action: 'retention.setRule' } } });
  });
  it('anonymising a listed person is the erasure’s rule: staff of one of their entities, administrators, never oneself', () => {
    expect([student, dpo, staff, admin].map((a) => can(a, 'erasure.process', person('p-ines', ['dept'])))).toEqual([false, false, true, true]);
    expect(can(staff, 'erasure.process', person('p-claire', ['mgmt']))).toBe(false);
    expect(can(staff, 'erasure.process', person('p-staff', ['inge']))).toBe(false);
  });
  it('years from 1 to 10, whole, or null for the default', () => {
    expect(v.parse(RetentionRuleInputSchema, { inactiveYears: 5 })).toEqual({ inactiveYears: 5 });
    expect(v.parse(RetentionRuleInputSchema, { inactiveYears: null })).toEqual({ inactiveYears: null });
    for (const inactiveYears of [0, 11, 2.5]) expect(v.safeParse(RetentionRuleInputSchema, { inactiveYears }).issues?.[0]?.message).toBe('retention.years.range');
  });
});
