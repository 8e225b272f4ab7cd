/**
 * Importing the institution's people, line by line, inside the caller's
 * transaction. Everyone of the tenant is loaded once into maps (external id,
 * primary email, folded name + graduation year), so a line costs no query to
 * match; its writes go through statements compiled once.
 *
 * Matching, in order: external id, then primary email (case-insensitive) —
 * either updates that person with the mapped fields, through the profiles'
 * own update (`profiles/update.ts`, as PATCH /v1/profiles/:id: same locks,
 * version, audit, duplicate flags and webhook event); then family + given name
 * (accents and case folded) + graduation year — never merged: the line
 * creates a new person and both are flagged for staff review.
 */
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { PersonImportRowSchema, fieldIssues, isSchoolOwned, searchKey, type PersonImportRow, type ProfileFields } from '@passerelle/schema';
import { staffMessage, type StaffMessage } from '@passerelle/schema/messages/staff';
import type { DbOrTx, Tx } from '../db/open.ts';
import { mailGraduated } from '../addresses/graduated.ts';
import type { AuditEntry } from '../audit/audit.ts';
import type { Call } from '../call.ts';
import type { ProfileRow } from '../profiles/queries/profiles.ts';
import { listEntities, loadPeople, loadSchoolMemberships, peopleWriters, type KnownPerson, type SchoolMembership } from './queries/people.ts';
import { derivedColumns, fieldsOf, visibilityOf } from '../profiles/document.ts';
import { initialFields } from '../profiles/store.ts';
import { updateProfile } from '../profiles/update.ts';
import { rejected, type RowResult } from './outcome.ts';

/** Profile fields a people file may set directly (the rest: email, entity, role, externalId). */
const profileFields = ['givenName', 'familyName', 'usageName', 'graduationYear', 'programme', 'employer', 'jobTitle', 'sector', 'phone', 'workCity', 'workCountry', 'linkedinUrl'] as const;

export interface PeopleImportContext {
  tenantId: string;
  at: string;
  /** `--entity`: the school of lines without one. */
  defaultEntityId: string | null;
  /** Audit entries of the import, written with the rows. */
  audit: AuditEntry[];
  /** Who changes profiles: the institution, through the profiles' own update. */
  call: Call;
}

/** Folded school names → entity id, for `entity` cells and `--entity`. */
export async function entityKeys(tx: DbOrTx, tenantId: string): Promise<Map<string, string>> {
  return new Map((await listEntities(tx, tenantId)).map((e) => [searchKey(e.name), e.id]));
}

const nameYearKey = (p: Pick<ProfileRow, 'familyKey' | 'givenKey' | 'graduationYear'> | null) =>
  p?.familyKey && p.givenKey && p.graduationYear !== null ? `${p.familyKey}\u0000${p.givenKey}\u0000${p.graduationYear}` : null;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The email list with `address` as the primary one (kept first), the others demoted, at most 5. */
function withPrimary(emails: ProfileFields['emails'], address: string): ProfileFields['emails'] {
  if (emails.some((e) => e.primary && e.address === address)) return emails;
  return [{ address, primary: true }, ...emails.filter((e) => e.address !== address).map((e) => ({ ...e, primary: false }))].slice(0, 5);
}

/** A complete profile row for a new profile: default visibility, derived columns, version 1. */
function newProfileRow(tenantId: string, personId: string, fields: ProfileFields, educationLocked: boolean, at: string): ProfileRow {
  const visibility = visibilityOf(undefined);
  return {
    personId,
    tenantId,
    ...fields,
    visibility,
    ...derivedColumns(fields, visibility),
    educationLocked,
    version: 1,
    confirmedAt: null,
    ownerUpdatedAt: null,
    createdAt: at,
    updatedAt: at,
    updatedBy: null,
  };
}

export async function peopleImporter(tx: Tx, ctx: PeopleImportContext) {
  const { tenantId, at } = ctx;
  const entities = await entityKeys(tx, tenantId);
  const byExternalId = new Map<string, KnownPerson>();
  const byEmail = new Map<string, KnownPerson>();
  const byNameYear = new Map<string, Set<string>>();
  const emailOf = (p: KnownPerson) => p.profile?.primaryEmail ?? p.email?.toLowerCase() ?? null;

  const index = (p: KnownPerson) => {
    if (p.externalId) byExternalId.set(p.externalId, p);
    const email = emailOf(p);
    if (email && !byEmail.has(email)) byEmail.set(email, p);
    const key = nameYearKey(p.profile);
    if (key) byNameYear.set(key, (byNameYear.get(key) ?? new Set()).add(p.id));
  };
  const unindex = (p: KnownPerson) => {
    const email = emailOf(p);
    if (email && byEmail.get(email) === p) byEmail.delete(email);
    const key = nameYearKey(p.profile);
    if (key) byNameYear.get(key)?.delete(p.id);
  };
  for (const p of await loadPeople(tx, tenantId)) index(p);

  const memberships = new Map<string, SchoolMembership[]>();
  for (const m of await loadSchoolMemberships(tx, tenantId)) memberships.set(m.personId, [...(memberships.get(m.personId) ?? []), m]);

  const write = await peopleWriters(tx);
  const through = { tx, clock: { now: () => new Date(at) } };
  const flag = (personId: string, otherPersonId: string, reason: 'email' | 'nameYearProgramme') =>
    write.flag({ id: randomUUID(), tenantId, personId, otherPersonId, reason, createdAt: at });

  const addMembership = async (personId: string, role: 'student' | 'alumnus', entityId: string) => {
    const id = randomUUID();
    await write.membership({ id, tenantId, personId, role, entityId, createdAt: at });
    memberships.set(personId, [...(memberships.get(personId) ?? []), { id, personId, role, entityId }]);
  };

  async function create(line: number, r: PersonImportRow, entityId: string | null, given: string[]): Promise<RowResult> {
    if (!r.givenName || !r.familyName) return rejected(line, staffMessage('import.person.needsNames'));
    if (!entityId) return rejected(line, staffMessage('import.person.needsSchool'));
    const id = randomUUID();
    const fields: ProfileFields = { ...initialFields({ displayName: null, email: r.email ?? null }), educationEntityId: entityId };
    for (const k of profileFields) if (r[k] !== undefined) (fields as Record<string, unknown>)[k] = r[k];
    // The school is the source of the education it records: locked, as for the demo's school data.
    const profile = newProfileRow(tenantId, id, fields, true, at);
    // At most 20 pairs per line, as the profile's own duplicate guard.
    const others = [...(byNameYear.get(nameYearKey(profile) ?? '') ?? [])].slice(0, 20);
    await write.person({ id, tenantId, externalId: r.externalId ?? null, email: r.email ?? null, displayName: `${fields.givenName} ${fields.familyName}`, createdAt: at });
    await write.profile(profile);
    // The existing flag, with the closest reason it has: staff see "same name and year" pairs there.
    for (const other of others) await flag(id, other, 'nameYearProgramme');
    await addMembership(id, r.role ?? 'alumnus', entityId);
    index({ id, externalId: r.externalId ?? null, email: r.email ?? null, displayName: null, profile });
    ctx.audit.push({
      action: 'profile.import.create',
      objectType: 'profile',
      objectId: id,
      subjectId: id,
      entityIds: [entityId],
      detail: { line, fields: given, ...(others.length ? { possibleDuplicateOf: others } : {}) },
    });
    if (others.length === 0) return { line, outcome: 'created', id, match: null, fields: given, said: null };
    return {
      line,
      outcome: 'flagged',
      id,
      match: 'nameYear',
      fields: given,
      said: staffMessage('import.person.sameNameYear', { others }),
    };
  }

  async function update(line: number, r: PersonImportRow, entityId: string | null, person: KnownPerson, match: 'externalId' | 'email'): Promise<RowResult> {
    const current = person.profile;
    const before = current ? fieldsOf(current) : initialFields(person);
    const after: ProfileFields = { ...before };
    const changed: string[] = [];
    const set = <K extends keyof ProfileFields>(k: K, value: ProfileFields[K]) => {
      if (same(before[k], value)) return;
      after[k] = value;
      changed.push(k);
    };
    for (const k of profileFields) if (r[k] !== undefined) set(k, r[k]);
    if (r.email) set('emails', withPrimary(before.emails, r.email));
    if (r.entity && entityId) set('educationEntityId', entityId);
    let note: StaffMessage | null = null;

    if (r.externalId && person.externalId !== r.externalId) {
      await write.setExternalId({ tenantId, id: person.id, externalId: r.externalId });
      person.externalId = r.externalId;
      byExternalId.set(r.externalId, person);
      changed.push('externalId');
    }

    // The membership of the line's school with its role (a student who graduated becomes an alumnus there).
    const school = r.entity ? entityId : r.role ? (current?.educationEntityId ?? ctx.defaultEntityId) : null;
    if (school) {
      const mine = (memberships.get(person.id) ?? []).filter((m) => m.entityId === school);
      if (mine.length === 0) {
        await addMembership(person.id, r.role ?? 'alumnus', school);
        changed.push('role');
      } else if (r.role && !mine.some((m) => m.role === r.role)) {
        // A student who graduated is told at their personal addresses how to sign in from now on.
        if (r.role === 'alumnus' && mine[0]!.role === 'student') await mailGraduated(tx, tenantId, person.id, at);
        await write.setRole({ tenantId, id: mine[0]!.id, role: r.role });
        mine[0]!.role = r.role;
        changed.push('role');
      }
    }

    if (changed.length === 0) return { line, outcome: 'unchanged', id: person.id, match, fields: [], said: null };

    const profileChanged = changed.filter((k): k is keyof ProfileFields => k in before);
    if (profileChanged.length > 0) {
      let row: ProfileRow;
      if (current) {
        // The same update as PATCH /v1/profiles/:id (locks, version, audit, duplicate flags, webhook event), by the institution.
        const changes = Object.fromEntries(profileChanged.map((k) => [k, after[k]]));
        const recordAs = { action: 'profile.import.update', detail: { line, match }, alsoChanged: changed.filter((k) => !(k in before)) };
        row = (await updateProfile(through, ctx.call, { personId: person.id, changes, recordAs })).row;
      } else {
        row = newProfileRow(tenantId, person.id, after, profileChanged.some(isSchoolOwned), at);
        await write.profile(row);
      }
      unindex(person);
      person.profile = row;
      index(person);
      if (r.email) {
        const other = byEmail.get(r.email);
        if (other && other.id !== person.id) {
          await flag(person.id, other.id, 'email');
          note = staffMessage('import.person.emailTaken', { email: r.email, other: other.id });
        }
      }
    }
    // A profile the line changed was audited by its update; a new profile, or only the record's external id or role, here.
    if (!current || profileChanged.length === 0) {
      ctx.audit.push({
        action: 'profile.import.update',
        objectType: 'profile',
        objectId: person.id,
        subjectId: person.id,
        entityIds: [...new Set((memberships.get(person.id) ?? []).map((m) => m.entityId))],
        detail: { line, match, fields: changed },
      });
    }
    return { line, outcome: 'updated', id: person.id, match, fields: changed, said: note };
  }

  return {
    /** One line: its mapped non-empty cells by field. */
    async row(line: number, cells: Record<string, string>): Promise<RowResult> {
      const parsed = v.safeParse(PersonImportRowSchema, cells);
      if (!parsed.success) return rejected(line, staffMessage('import.row.invalid', { errors: fieldIssues(parsed.issues) }));
      const r = parsed.output;
      let entityId = ctx.defaultEntityId;
      if (r.entity) {
        entityId = entities.get(searchKey(r.entity)) ?? null;
        if (!entityId) return rejected(line, staffMessage('import.person.entityUnknown', { entity: r.entity }));
      }
      const byId = r.externalId ? byExternalId.get(r.externalId) : undefined;
      if (byId) return update(line, r, entityId, byId, 'externalId');
      const byMail = r.email ? byEmail.get(r.email) : undefined;
      if (byMail && r.email) {
        if (r.externalId && byMail.externalId && byMail.externalId !== r.externalId) {
          return rejected(line, staffMessage('import.person.emailOfAnother', { email: r.email, theirs: byMail.externalId, given: r.externalId }));
        }
        return update(line, r, entityId, byMail, 'email');
      }
      return create(line, r, entityId, Object.keys(cells));
    },
  };
}
