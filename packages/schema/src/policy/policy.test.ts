import { describe, expect, it } from 'vitest';
import { allowedActions } from './allowed-actions.ts';
import { audienceNeedsEntities, profileAudience, visibleLevels } from './audience.ts';
import { can, decide } from './policy.ts';
import { en } from '../messages/en.ts';
import { fr } from '../messages/fr.ts';
import { inWords } from '../messages/index.ts';
import { NOT_FOUND, refusalReasons } from './reasons.ts';
import { selfAndAncestors } from './scope.ts';
import { actions, type AnnouncedAction as Action, type Actor, type Membership, type ProfileAudience, type Resource } from './types.ts';

/*
 * Fixture tenant:
 *
 *   univ (university root)
 *   ├── inge (École d'ingénieurs)
 *   │   └── dept (a department)
 *   └── mgmt (École de management)
 *
 * Companies acme and globex; a second tenant "far". Every entity-scoped actor
 * belongs to `inge`; the company_rep represents `acme`.
 */
const T = 'tenant-uni';
const FAR = 'tenant-far';
const entityParents = { univ: null, inge: 'univ', mgmt: 'univ', dept: 'inge' } as const;

const actor = (personId: string, ...memberships: Membership[]): Actor => ({ personId, tenantId: T, memberships, entityParents });

const actorsByRole = {
  student: actor('p-student', { role: 'student', entityId: 'inge' }),
  alumnus: actor('p-alumnus', { role: 'alumnus', entityId: 'inge' }),
  company_rep: actor('p-rep', { role: 'company_rep', companyId: 'acme' }),
  staff: actor('p-staff', { role: 'staff', entityId: 'inge' }),
  admin: actor('p-admin', { role: 'admin', entityId: 'inge' }),
  dpo: actor('p-dpo', { role: 'dpo', entityId: 'inge' }),
  none: actor('p-guest'),
} as const;
type RoleKey = keyof typeof actorsByRole;

const relations = ['own', 'sameEntity', 'otherEntity', 'otherCompany', 'otherTenant'] as const;
type Relation = (typeof relations)[number];

/*
 * What each relation means, per kind of resource:
 *
 * | kind    | own                          | sameEntity              | otherEntity             | otherCompany                 | otherTenant |
 * |---------|------------------------------|-------------------------|-------------------------|------------------------------|-------------|
 * | person  | the actor (in inge)          | someone in inge         | someone in mgmt         | a globex rep (no entity)     | far tenant  |
 * | company | acme                         | acme                    | acme                    | globex                       | far tenant  |
 * | offer   | by the actor, acme → inge    | by another, acme → inge | by another, acme → mgmt | by another, globex → inge    | far tenant  |
 * | pledge  | by the actor → inge (rep: on | by another, acme → inge | by another, acme → mgmt | by another, globex → inge    | far tenant  |
 * |         | behalf of acme, else in own  |                         |                         |                              |             |
 * |         | name)                        |                         |                         |                              |             |
 * | audit   | [inge]                       | [inge, dept]            | [mgmt]                  | [] (the whole tenant)        | far tenant  |
 *
 * Companies belong to no entity, so their "sameEntity"/"otherEntity" columns are acme.
 * Offers are "submitted" (not yet published).
 */
function resourceFor(kind: Resource['kind'], relation: Relation, who: Actor): Resource {
  const someone = 'p-someone';
  const isRep = who.memberships.some((m) => m.role === 'company_rep');
  if (relation === 'otherTenant') {
    switch (kind) {
      case 'person':
        return { kind, tenantId: FAR, personId: 'p-far', entityIds: ['far-root'] };
      case 'company':
        return { kind, tenantId: FAR, companyId: 'far-co' };
      case 'offer':
        return { kind, tenantId: FAR, authorId: who.personId, companyId: 'far-co', targetEntityIds: ['far-root'], status: 'submitted' };
      case 'pledge':
        return { kind, tenantId: FAR, authorId: who.personId, companyId: 'far-co', entityId: 'far-root' };
      case 'audit':
        return { kind, tenantId: FAR, entityIds: ['far-root'] };
      case 'webhook':
        return { kind, tenantId: FAR, entityId: 'far-root' };
      case 'records':
        return { kind, tenantId: FAR, entityIds: ['far-root'] };
      case 'offerBoard':
        return { kind, tenantId: FAR, openToVisitors: false };
    }
  }
  const pick = <V>(values: Record<Exclude<Relation, 'otherTenant'>, V>): V => values[relation];
  switch (kind) {
    case 'person':
      return pick<Resource>({
        own: { kind, tenantId: T, personId: who.personId, entityIds: ['inge'] },
        sameEntity: { kind, tenantId: T, personId: someone, entityIds: ['inge'] },
        otherEntity: { kind, tenantId: T, personId: someone, entityIds: ['mgmt'] },
        otherCompany: { kind, tenantId: T, personId: 'p-globex-rep', entityIds: [] },
      });
    case 'company':
      return { kind, tenantId: T, companyId: relation === 'otherCompany' ? 'globex' : 'acme' };
    case 'offer': {
      const offer = (authorId: string, companyId: string, target: string): Resource => ({
        kind,
        tenantId: T,
        authorId,
        companyId,
        targetEntityIds: [target],
        status: 'submitted',
      });
      return pick({
        own: offer(who.personId, 'acme', 'inge'),
        sameEntity: offer(someone, 'acme', 'inge'),
        otherEntity: offer(someone, 'acme', 'mgmt'),
        otherCompany: offer(someone, 'globex', 'inge'),
      });
    }
    case 'pledge':
      return pick<Resource>({
        own: isRep
          ? { kind, tenantId: T, authorId: who.personId, companyId: 'acme', entityId: 'inge' }
          : { kind, tenantId: T, authorId: who.personId, entityId: 'inge' },
        sameEntity: { kind, tenantId: T, authorId: someone, companyId: 'acme', entityId: 'inge' },
        otherEntity: { kind, tenantId: T, authorId: someone, companyId: 'acme', entityId: 'mgmt' },
        otherCompany: { kind, tenantId: T, authorId: someone, companyId: 'globex', entityId: 'inge' },
      });
    case 'audit':
      return pick<Resource>({
        own: { kind, tenantId: T, entityIds: ['inge'] },
        sameEntity: { kind, tenantId: T, entityIds: ['inge', 'dept'] },
        otherEntity: { kind, tenantId: T, entityIds: ['mgmt'] },
        otherCompany: { kind, tenantId: T, entityIds: [] },
      });
    case 'webhook':
      return pick<Resource>({
        own: { kind, tenantId: T, entityId: 'inge' },
        sameEntity: { kind, tenantId: T, entityId: 'dept' },
        otherEntity: { kind, tenantId: T, entityId: 'mgmt' },
        otherCompany: { kind, tenantId: T, entityId: 'univ' },
      });
    case 'records':
      return pick<Resource>({
        own: { kind, tenantId: T, entityIds: ['inge'] },
        sameEntity: { kind, tenantId: T, entityIds: ['inge', 'dept'] },
        otherEntity: { kind, tenantId: T, entityIds: ['mgmt'] },
        otherCompany: { kind, tenantId: T, entityIds: [] },
      });
    case 'offerBoard':
      return { kind, tenantId: T, openToVisitors: false };
  }
}

const kindOf = (action: Action): Resource['kind'] => {
  const prefix = action.split('.')[0];
  if (prefix === 'profile' || prefix === 'consent' || prefix === 'data') return 'person';
  if (prefix === 'company' || prefix === 'offer' || prefix === 'pledge' || prefix === 'audit' || prefix === 'webhook' || prefix === 'records') return prefix;
  throw new Error(`unknown action ${action}`);
};

const Y = true;
const N = false;
type Row = readonly [own: boolean, sameEntity: boolean, otherEntity: boolean, otherCompany: boolean, otherTenant: boolean];

/** The expected answer of every cell. Columns: own, sameEntity, otherEntity, otherCompany, otherTenant. */
const expected: Record<RoleKey, Record<Action, Row>> = {
  student: {
    'profile.read': [Y, Y, Y, Y, N],
    'profile.edit': [Y, N, N, N, N],
    'consent.read': [Y, N, N, N, N],
    'consent.edit': [Y, N, N, N, N],
    'consent.proof': [N, N, N, N, N],
    'data.export': [Y, N, N, N, N],
    'company.search': [Y, Y, Y, Y, N],
    'company.create': [N, N, N, N, N],
    'company.request': [Y, Y, Y, Y, N],
    'company.edit': [N, N, N, N, N],
    'company.moderate': [N, N, N, N, N],
    'offer.create': [Y, Y, Y, Y, N],
    'offer.edit': [Y, N, N, N, N],
    'offer.moderate': [N, N, N, N, N],
    'pledge.donate': [Y, N, N, N, N],
    'pledge.tax': [N, N, N, N, N],
    'pledge.readAmount': [Y, N, N, N, N],
    'audit.read': [N, N, N, N, N],
    'webhook.manage': [N, N, N, N, N],
    'records.export': [N, N, N, N, N],
  },
  alumnus: {
    'profile.read': [Y, Y, Y, Y, N],
    'profile.edit': [Y, N, N, N, N],
    'consent.read': [Y, N, N, N, N],
    'consent.edit': [Y, N, N, N, N],
    'consent.proof': [N, N, N, N, N],
    'data.export': [Y, N, N, N, N],
    'company.search': [Y, Y, Y, Y, N],
    'company.create': [N, N, N, N, N],
    'company.request': [Y, Y, Y, Y, N],
    'company.edit': [N, N, N, N, N],
    'company.moderate': [N, N, N, N, N],
    'offer.create': [Y, Y, Y, Y, N],
    'offer.edit': [Y, N, N, N, N],
    'offer.moderate': [N, N, N, N, N],
    'pledge.donate': [Y, N, N, N, N],
    'pledge.tax': [N, N, N, N, N],
    'pledge.readAmount': [Y, N, N, N, N],
    'audit.read': [N, N, N, N, N],
    'webhook.manage': [N, N, N, N, N],
    'records.export': [N, N, N, N, N],
  },
  company_rep: {
    'profile.read': [Y, Y, Y, Y, N],
    'profile.edit': [Y, N, N, N, N],
    'consent.read': [Y, N, N, N, N],
    'consent.edit': [Y, N, N, N, N],
    'consent.proof': [N, N, N, N, N],
    'data.export': [Y, N, N, N, N],
    'company.search': [Y, Y, Y, Y, N],
    'company.create': [N, N, N, N, N],
    'company.request': [Y, Y, Y, Y, N],
    'company.edit': [Y, Y, Y, N, N],
    'company.moderate': [N, N, N, N, N],
    'offer.create': [Y, Y, Y, N, N],
    'offer.edit': [Y, Y, Y, N, N],
    'offer.moderate': [N, N, N, N, N],
    'pledge.donate': [Y, Y, Y, N, N],
    'pledge.tax': [Y, Y, Y, N, N],
    'pledge.readAmount': [Y, Y, Y, N, N],
    'audit.read': [N, N, N, N, N],
    'webhook.manage': [N, N, N, N, N],
    'records.export': [N, N, N, N, N],
  },
  staff: {
    'profile.read': [Y, Y, Y, Y, N],
    'profile.edit': [Y, Y, N, N, N],
    'consent.read': [Y, Y, N, N, N],
    'consent.edit': [Y, N, N, N, N],
    'consent.proof': [N, N, N, N, N],
    'data.export': [Y, N, N, N, N],
    'company.search': [Y, Y, Y, Y, N],
    'company.create': [Y, Y, Y, Y, N],
    'company.request': [Y, Y, Y, Y, N],
    'company.edit': [Y, Y, Y, Y, N],
    'company.moderate': [Y, Y, Y, Y, N],
    'offer.create': [Y, Y, N, Y, N],
    'offer.edit': [Y, Y, N, Y, N],
    'offer.moderate': [Y, Y, N, Y, N],
    'pledge.donate': [Y, Y, N, Y, N],
    'pledge.tax': [Y, Y, N, Y, N],
    'pledge.readAmount': [Y, Y, N, Y, N],
    'audit.read': [Y, Y, N, N, N],
    'webhook.manage': [N, N, N, N, N],
    'records.export': [Y, Y, N, N, N],
  },
  admin: {
    'profile.read': [Y, Y, Y, Y, N],
    'profile.edit': [Y, Y, Y, Y, N],
    'consent.read': [Y, Y, Y, Y, N],
    'consent.edit': [Y, N, N, N, N],
    'consent.proof': [Y, Y, Y, Y, N],
    'data.export': [Y, N, N, N, N],
    'company.search': [Y, Y, Y, Y, N],
    'company.create': [Y, Y, Y, Y, N],
    'company.request': [Y, Y, Y, Y, N],
    'company.edit': [Y, Y, Y, Y, N],
    'company.moderate': [Y, Y, Y, Y, N],
    'offer.create': [Y, Y, Y, Y, N],
    'offer.edit': [Y, Y, Y, Y, N],
    'offer.moderate': [Y, Y, Y, Y, N],
    'pledge.donate': [Y, Y, Y, Y, N],
    'pledge.tax': [Y, Y, Y, Y, N],
    'pledge.readAmount': [Y, Y, Y, Y, N],
    'audit.read': [Y, Y, Y, Y, N],
    'webhook.manage': [Y, Y, Y, Y, N],
    'records.export': [Y, Y, Y, Y, N],
  },
  dpo: {
    'profile.read': [Y, Y, Y, Y, N],
    'profile.edit': [Y, N, N, N, N],
    'consent.read': [Y, Y, Y, Y, N],
    'consent.edit': [Y, N, N, N, N],
    'consent.proof': [Y, Y, Y, Y, N],
    'data.export': [Y, N, N, N, N],
    'company.search': [Y, Y, Y, Y, N],
    'company.create': [N, N, N, N, N],
    'company.request': [Y, Y, Y, Y, N],
    'company.edit': [N, N, N, N, N],
    'company.moderate': [N, N, N, N, N],
    'offer.create': [N, N, N, N, N],
    'offer.edit': [N, N, N, N, N],
    'offer.moderate': [N, N, N, N, N],
    'pledge.donate': [Y, N, N, N, N],
    'pledge.tax': [N, N, N, N, N],
    'pledge.readAmount': [Y, N, N, N, N],
    'audit.read': [N, N, N, N, N],
    'webhook.manage': [N, N, N, N, N],
    'records.export': [N, N, N, N, N],
  },
  none: {
    'profile.read': [Y, Y, Y, Y, N],
    'profile.edit': [Y, N, N, N, N],
    'consent.read': [Y, N, N, N, N],
    'consent.edit': [Y, N, N, N, N],
    'consent.proof': [N, N, N, N, N],
    'data.export': [Y, N, N, N, N],
    'company.search': [Y, Y, Y, Y, N],
    'company.create': [N, N, N, N, N],
    'company.request': [Y, Y, Y, Y, N],
    'company.edit': [N, N, N, N, N],
    'company.moderate': [N, N, N, N, N],
    'offer.create': [N, N, N, N, N],
    'offer.edit': [N, N, N, N, N],
    'offer.moderate': [N, N, N, N, N],
    'pledge.donate': [Y, N, N, N, N],
    'pledge.tax': [N, N, N, N, N],
    'pledge.readAmount': [Y, N, N, N, N],
    'audit.read': [N, N, N, N, N],
    'webhook.manage': [N, N, N, N, N],
    'records.export': [N, N, N, N, N],
  },
};

const cells = (Object.keys(actorsByRole) as RoleKey[]).flatMap((role) =>
  actions.flatMap((action) => relations.map((relation, column) => ({ role, action, relation, allowed: expected[role][action][column] }))),
);

describe('decide: the role table of docs/architecture.md, cell by cell', () => {
  it.each(cells)('$role × $action × $relation → $allowed', ({ role, action, relation, allowed }) => {
    const who = actorsByRole[role];
    const resource = resourceFor(kindOf(action), relation, who);
    const decision = decide(who, action, resource);
    expect(decision.allowed).toBe(allowed);
    expect(can(who, action, resource)).toBe(allowed);
    if (!decision.allowed) {
      expect(inWords(en, decision.reason)).toMatch(/^[A-Z].*\.$/);
      expect(inWords(fr, decision.reason)).toMatch(/^[A-ZÉÈ].*\.$/);
      expect(decision.sameTenant).toBe(relation !== 'otherTenant');
      if (relation === 'otherTenant') expect(decision.reason).toEqual(NOT_FOUND);
    }
  });
});

describe('scope: a staff membership covers its entity and its subtree only', () => {
  const staffAt = (entityId: string) => actor(`p-staff-${entityId}`, { role: 'staff', entityId });
  const personIn = (entityId: string): Resource => ({ kind: 'person', tenantId: T, personId: 'p-x', entityIds: [entityId] });
  const offerTo = (...targetEntityIds: string[]): Resource => ({ kind: 'offer', tenantId: T, authorId: 'p-x', companyId: 'acme', targetEntityIds, status: 'submitted' });

  it.each([
    ['univ', 'dept', true],
    ['univ', 'mgmt', true],
    ['inge', 'dept', true],
    ['dept', 'dept', true],
    ['dept', 'inge', false],
    ['dept', 'univ', false],
    ['inge', 'univ', false],
    ['inge', 'mgmt', false],
    ['mgmt', 'inge', false],
  ] as const)('staff of %s covers %s: %s', (staffEntity, target, covered) => {
    const who = staffAt(staffEntity);
    expect(can(who, 'profile.edit', personIn(target))).toBe(covered);
    expect(can(who, 'offer.moderate', offerTo(target))).toBe(covered);
    expect(can(who, 'audit.read', { kind: 'audit', tenantId: T, entityIds: [target] })).toBe(covered);
  });

  it('an admin membership anywhere covers the whole tenant, siblings included', () => {
    const who = actor('p-admin-dept', { role: 'admin', entityId: 'dept' });
    expect(can(who, 'profile.edit', personIn('mgmt'))).toBe(true);
    expect(can(who, 'audit.read', { kind: 'audit', tenantId: T, entityIds: [] })).toBe(true);
  });

  it('staff may post an offer only when every target is in scope', () => {
    const who = staffAt('inge');
    expect(can(who, 'offer.create', offerTo('inge', 'dept'))).toBe(true);
    expect(can(who, 'offer.create', offerTo('inge', 'mgmt'))).toBe(false);
    expect(can(who, 'offer.create', offerTo())).toBe(false);
  });

  it('staff may edit and moderate an offer when at least one target is in scope', () => {
    const who = staffAt('inge');
    expect(can(who, 'offer.edit', offerTo('mgmt', 'dept'))).toBe(true);
    expect(can(who, 'offer.moderate', offerTo('mgmt', 'dept'))).toBe(true);
    expect(can(who, 'offer.moderate', offerTo())).toBe(false);
  });

  it('staff must cover every entity of an audit request, and only admins read the whole log', () => {
    const who = staffAt('univ');
    expect(can(who, 'audit.read', { kind: 'audit', tenantId: T, entityIds: ['inge', 'mgmt', 'dept'] })).toBe(true);
    expect(can(staffAt('inge'), 'audit.read', { kind: 'audit', tenantId: T, entityIds: ['inge', 'mgmt'] })).toBe(false);
    expect(can(who, 'audit.read', { kind: 'audit', tenantId: T, entityIds: [] })).toBe(false);
  });

  it('the log of the entities one looks after (GET /v1/audit): staff and admins, nobody else', () => {
    const covered = { kind: 'audit', tenantId: T, entityIds: 'covered' } as const;
    expect(can(staffAt('inge'), 'audit.read', covered)).toBe(true);
    expect(can(actor('p-admin', { role: 'admin', entityId: 'univ' }), 'audit.read', covered)).toBe(true);
    expect(can(actor('p-student', { role: 'student', entityId: 'inge' }), 'audit.read', covered)).toBe(false);
    expect(can(actor('p-rep', { role: 'company_rep', companyId: 'acme' }), 'audit.read', covered)).toBe(false);
    expect(decide(actor('p-alum', { role: 'alumnus', entityId: 'mgmt' }), 'audit.read', covered)).toMatchObject({ allowed: false, reason: { code: 'policy.refused', params: { action: 'audit.read' } } });
  });

  it('roles add up across memberships', () => {
    const who = actor('p-both', { role: 'student', entityId: 'mgmt' }, { role: 'staff', entityId: 'dept' });
    expect(can(who, 'profile.edit', personIn('dept'))).toBe(true);
    expect(can(who, 'profile.edit', personIn('mgmt'))).toBe(false);
    expect(can(who, 'company.create', { kind: 'company', tenantId: T })).toBe(true);
  });

  it('walks up the tree without looping on a cycle or an unknown entity', () => {
    expect(selfAndAncestors(entityParents, 'dept')).toEqual(['dept', 'inge', 'univ']);
    expect(selfAndAncestors({ a: 'b', b: 'a' }, 'a')).toEqual(['a', 'b']);
    expect(selfAndAncestors(entityParents, 'unknown')).toEqual(['unknown']);
    expect(can(staffAt('inge'), 'profile.edit', personIn('unknown'))).toBe(false);
  });
});

describe('offers: the author keeps them until they are published', () => {
  const student = actorsByRole.student;
  const own = (status?: 'draft' | 'submitted' | 'changes_requested' | 'rejected' | 'published' | 'filled' | 'expired' | 'withdrawn'): Resource => ({
    kind: 'offer',
    tenantId: T,
    authorId: student.personId,
    companyId: 'acme',
    targetEntityIds: ['inge'],
    ...(status === undefined ? {} : { status }),
  });

  it.each(['draft', 'submitted', 'changes_requested', 'rejected'] as const)('editable while %s', (status) => {
    expect(can(student, 'offer.edit', own(status))).toBe(true);
  });
  it.each(['published', 'filled', 'expired', 'withdrawn'] as const)('locked once %s, with a reason', (status) => {
    const decision = decide(student, 'offer.edit', own(status));
    expect(decision).toMatchObject({ allowed: false, sameTenant: true });
    expect(decision.allowed ? '' : inWords(en, decision.reason)).toMatch(/published/);
  });
  it('an unsaved offer (no status) is a draft', () => {
    expect(can(student, 'offer.edit', own())).toBe(true);
  });
  it('a representative whose company changed no longer edits as author', () => {
    const former = actor('p-former', { role: 'company_rep', companyId: 'globex' });
    expect(can(former, 'offer.edit', { kind: 'offer', tenantId: T, authorId: 'p-former', companyId: 'acme', targetEntityIds: ['inge'], status: 'draft' })).toBe(false);
  });
  it('the company representative edits the company’s offers whatever their status', () => {
    expect(can(actorsByRole.company_rep, 'offer.edit', { ...own('published'), authorId: 'p-someone' } as Resource)).toBe(true);
  });
});

describe('a representative pledges apprenticeship tax only for their own company', () => {
  // Acme's SIREN 812345676; Globex's 523456788.
  const pledge = (over: Partial<Extract<Resource, { kind: 'pledge' }>>): Resource => ({ kind: 'pledge', tenantId: T, companyId: 'acme', companySiren: '812345676', entityId: 'inge', ...over });
  it('with the company’s own SIRET or another establishment of the same SIREN', () => {
    expect(can(actorsByRole.company_rep, 'pledge.tax', pledge({}))).toBe(true);
    expect(can(actorsByRole.company_rep, 'pledge.tax', pledge({ employerSiren: '812345676' }))).toBe(true);
  });
  it('never with another company’s SIRET, and is told why in both languages', () => {
    const decision = decide(actorsByRole.company_rep, 'pledge.tax', pledge({ employerSiren: '523456788' }));
    expect(decision).toEqual({ allowed: false, sameTenant: true, reason: { code: 'policy.pledge.ownCompanyOnly', params: {} } });
    expect(decision.allowed ? '' : inWords(en, decision.reason)).toMatch(/only for the company you represent.*same SIREN/);
    expect(decision.allowed ? '' : inWords(fr, decision.reason)).toMatch(/que pour l’entreprise que vous représentez.*même SIREN/);
  });
  it('nor for a company they do not represent, nor naming a SIRET their company’s record cannot vouch for', () => {
    expect(decide(actorsByRole.company_rep, 'pledge.tax', pledge({ companyId: 'globex', companySiren: '523456788' }))).toMatchObject({ allowed: false, reason: { code: 'policy.pledge.ownCompanyOnly' } });
    expect(can(actorsByRole.company_rep, 'pledge.tax', pledge({ companySiren: undefined, employerSiren: '812345676' }))).toBe(false);
  });
  it('staff recording for their entity and admins keep their rights, whatever the SIRET', () => {
    expect(can(actorsByRole.staff, 'pledge.tax', pledge({ employerSiren: '523456788' }))).toBe(true);
    expect(can(actorsByRole.admin, 'pledge.tax', pledge({ companyId: 'globex', employerSiren: '812345676', entityId: 'mgmt' }))).toBe(true);
  });
});

describe('refusal reasons say why and what to do instead', () => {
  const company: Resource = { kind: 'company', tenantId: T };
  it('a student creating a company is sent to the careers office', () => {
    expect(decide(actorsByRole.student, 'company.create', company)).toEqual({
      allowed: false,
      sameTenant: true,
      reason: { code: 'policy.refused', params: { action: 'company.create' } },
    });
    expect(inWords(en, refusalReasons['company.create'])).toBe(
      'Only careers-office staff and administrators can add a company. Ask your careers office to add it, then post your offer for it.',
    );
  });
  it.each(['company_rep', 'none'] as const)('a %s creating a company is told to request one', (role) => {
    const decision = decide(actorsByRole[role], 'company.create', company);
    expect(decision.allowed ? '' : inWords(en, decision.reason)).toMatch(/Request it/);
    expect(decision.allowed ? '' : inWords(fr, decision.reason)).toMatch(/Faites-en plutôt la demande/);
  });
  it('a student pledging apprenticeship tax is sent to the company', () => {
    const decision = decide(actorsByRole.student, 'pledge.tax', { kind: 'pledge', tenantId: T, entityId: 'inge' });
    expect(decision.allowed ? '' : inWords(en, decision.reason)).toMatch(/^Only a company’s representative.*HR or finance team/);
  });
  it('every action has a one-sentence-or-two default reason ending in a full stop', () => {
    for (const action of actions) {
      expect(inWords(en, refusalReasons[action])).toMatch(/^[A-Z].*\.$/);
      expect(inWords(fr, refusalReasons[action])).toMatch(/^[A-ZÉ].*\.$/);
    }
  });
  it('an action on the wrong kind of resource is refused', () => {
    const decision = decide(actorsByRole.admin, 'offer.moderate', company);
    expect(decision).toMatchObject({ allowed: false, sameTenant: true, reason: { code: 'policy.wrongResource', params: { action: 'offer.moderate', expected: 'offer', actual: 'company' } } });
  });
});

describe('profileAudience and visibleLevels', () => {
  const audiences: Record<RoleKey, readonly [own: ProfileAudience, sameEntity: ProfileAudience, otherEntity: ProfileAudience, otherCompany: ProfileAudience, otherTenant: ProfileAudience]> = {
    student: ['self', 'network', 'network', 'network', 'none'],
    alumnus: ['self', 'network', 'network', 'network', 'none'],
    company_rep: ['self', 'public', 'public', 'public', 'none'],
    staff: ['self', 'staff', 'network', 'network', 'none'],
    admin: ['self', 'staff', 'staff', 'staff', 'none'],
    // A data protection officer reads consents, not profiles: the public fields, like a reader without membership.
    dpo: ['self', 'public', 'public', 'public', 'none'],
    none: ['self', 'public', 'public', 'public', 'none'],
  };
  const audienceCells = (Object.keys(actorsByRole) as RoleKey[]).flatMap((role) =>
    relations.map((relation, column) => ({ role, relation, audience: audiences[role][column] })),
  );
  it.each(audienceCells)('$role reading $relation profile → $audience', ({ role, relation, audience }) => {
    const who = actorsByRole[role];
    const person = resourceFor('person', relation, who);
    if (person.kind !== 'person') throw new Error('fixture');
    expect(profileAudience(who, person)).toBe(audience);
  });
  it.each(audienceCells)('$role reading $relation profile: without its entities, the same audience unless audienceNeedsEntities', ({ role, relation, audience }) => {
    const who = actorsByRole[role];
    const person = resourceFor('person', relation, who);
    if (person.kind !== 'person') throw new Error('fixture');
    const blind = profileAudience(who, { ...person, entityIds: [] });
    if (!audienceNeedsEntities(who)) expect(blind).toBe(audience);
    // And the entities do matter to the reader it names: staff read their entity's members as staff.
    else if (relation === 'sameEntity') expect(blind).not.toBe(audience);
  });
  it('staff of the university root sees members of a department as staff', () => {
    const who = actor('p-root', { role: 'staff', entityId: 'univ' });
    expect(profileAudience(who, { kind: 'person', tenantId: T, personId: 'p-x', entityIds: ['mgmt', 'dept'] })).toBe('staff');
  });
  it.each([
    ['self', ['private', 'network', 'public']],
    ['staff', ['private', 'network', 'public']],
    ['network', ['network', 'public']],
    ['public', ['public']],
    ['none', []],
  ] as const)('%s reads %j', (audience, levels) => {
    expect(visibleLevels(audience)).toEqual(levels);
  });
});

describe('allowedActions: what GET /v1/me announces', () => {
  const T_ = true;
  const F = false;
  // Columns follow `actions`.
  const summary: Record<RoleKey, readonly boolean[]> = {
    //            p.read p.edit c.read c.edit proof  export search create request edit  moder o.creat o.edit o.mod donate tax   amount audit webhk records
    student:     [T_,    T_,    T_,    T_,    F,    T_,    T_,    F,     T_,     F,    F,    T_,     T_,    F,    T_,    F,    T_,    F,    F,    F],
    alumnus:     [T_,    T_,    T_,    T_,    F,    T_,    T_,    F,     T_,     F,    F,    T_,     T_,    F,    T_,    F,    T_,    F,    F,    F],
    company_rep: [T_,    T_,    T_,    T_,    F,    T_,    T_,    F,     T_,     T_,   F,    T_,     T_,    F,    T_,    T_,   T_,    F,    F,    F],
    staff:       [T_,    T_,    T_,    T_,    F,    T_,    T_,    T_,    T_,     T_,   T_,   T_,     T_,    T_,   T_,    T_,   T_,    T_,    F,    T_],
    admin:       [T_,    T_,    T_,    T_,    T_,   T_,    T_,    T_,    T_,     T_,   T_,   T_,     T_,    T_,   T_,    T_,   T_,    T_,    T_,    T_],
    dpo:         [T_,    T_,    T_,    T_,    T_,   T_,    T_,    F,     T_,     F,    F,    F,      F,     F,    T_,    F,    T_,    F,    F,    F],
    none:        [T_,    T_,    T_,    T_,    F,    T_,    T_,    F,     T_,     F,    F,    F,      F,     F,    T_,    F,    T_,    F,    F,    F],
  };
  it.each(Object.keys(actorsByRole) as RoleKey[])('%s', (role) => {
    const expectedSummary = Object.fromEntries(actions.map((action, i) => [action, summary[role][i]]));
    expect(allowedActions(actorsByRole[role])).toEqual(expectedSummary);
  });
});
