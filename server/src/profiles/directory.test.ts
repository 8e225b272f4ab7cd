/**
 * The directory query against a plain-code model of the policy: for every
 * reader (student, company rep, staff of one school, staff of the root,
 * admin, a reader whose own fields are private) and a set of filters, every
 * page followed by its cursor must list exactly the profiles whose matched
 * fields the reader may see, in the order of the reader's sort key.
 */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { eq } from 'drizzle-orm';
import { ProfileListQuerySchema, defaultVisibility, profileAudience, searchKey, visibleLevels, type ProfileFields, type VisibilityLevel } from '@passerelle/schema';
import { testApp } from '../testing.ts';
import { memberships, people, profiles } from '../db/tables/index.ts';
import { loadActor } from '../auth/session.ts';
import { derivedColumns, visibilityOf, type Visibility } from './document.ts';
import { searchDirectory } from './directory.ts';
import { initialFields } from './store.ts';

const levels: readonly VisibilityLevel[] = ['private', 'network', 'public'];
const givens = ['Marc', 'Manon', 'Claire', 'Léa', 'Hugo', 'Mathis'];
const families = ['Martin', 'Martinez', 'Dubois', 'Durand', 'Legrand', 'Moreau'];
const employers = ['Acme', 'Acier Lyon', 'Globex', 'Initech'];
const sectors = ['Conseil', 'Énergie', 'Électronique', 'Banque'];
const cities = ['Lyon', 'Évry', 'Lille', 'Paris'];

async function fixture() {
  const t = testApp();
  const { demo } = t.ids;
  const tenantId = demo.tenantId;
  const at = t.clock.now().toISOString();
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const schools = [demo.entities.engineering, demo.entities.management, demo.entities.alumni];
  for (let i = 0; i < 240; i++) {
    const id = crypto.randomUUID();
    await t.db.insert(people).values({ id, tenantId, hostSubject: `dir-${i}`, email: null, displayName: null, createdAt: at }).run();
    // Some have no membership at all, some two.
    if (i % 7 !== 0) await t.db.insert(memberships).values({ id: crypto.randomUUID(), tenantId, personId: id, role: 'alumnus', entityId: pick(schools), createdAt: at }).run();
    if (i % 11 === 0) await t.db.insert(memberships).values({ id: crypto.randomUUID(), tenantId, personId: id, role: 'alumnus', entityId: demo.entities.alumni, createdAt: at }).run();
    const fields: ProfileFields = {
      ...initialFields({ displayName: null, email: null }),
      givenName: pick(givens),
      familyName: pick(families),
      usageName: i % 5 === 0 ? pick(families) : null,
      educationEntityId: i % 9 === 0 ? null : pick(schools.slice(0, 2)),
      graduationYear: 2000 + (i % 4),
      employer: i % 6 === 0 ? null : pick(employers),
      sector: i % 8 === 0 ? null : pick(sectors),
      workCity: i % 10 === 0 ? null : pick(cities),
      availability: { mentoring: random() < 0.5, talks: random() < 0.3, hiringInterns: random() < 0.2 },
    };
    const visibility: Visibility = {
      ...defaultVisibility,
      givenName: pick(levels),
      familyName: pick(levels),
      usageName: pick(levels),
      employer: pick(levels),
      graduationYear: pick(levels),
      educationEntityId: pick(levels),
      sector: pick(levels),
      workCity: pick(levels),
      availability: pick(levels),
    };
    await t.db.insert(profiles).values({ personId: id, tenantId, ...fields, visibility, ...derivedColumns(fields, visibility), createdAt: at, updatedAt: at }).run();
  }
  // A staff member of the university root: covers every entity.
  const root = crypto.randomUUID();
  await t.db.insert(people).values({ id: root, tenantId, hostSubject: 'dir-root-staff', email: null, displayName: null, createdAt: at }).run();
  await t.db.insert(memberships).values({ id: crypto.randomUUID(), tenantId, personId: root, role: 'staff', entityId: demo.entities.university, createdAt: at }).run();
  // Inès keeps everything private: she still finds herself.
  const ines = demo.people['student-ines'];
  const own = (await t.db.select().from(profiles).where(eq(profiles.personId, ines)).get());
  if (own) {
    const fields: ProfileFields = { ...(own as unknown as ProfileFields), givenName: 'Inès', familyName: 'Martin', graduationYear: 2001, employer: 'Acme', educationEntityId: demo.entities.engineering };
    const visibility: Visibility = Object.fromEntries(Object.keys(visibilityOf(own.visibility)).map((k) => [k, 'private'])) as Visibility;
    await t.db.update(profiles).set({ givenName: 'Inès', familyName: 'Martin', graduationYear: 2001, employer: 'Acme', educationEntityId: demo.entities.engineering, visibility, ...derivedColumns(fields, visibility) }).where(eq(profiles.personId, ines)).run();
  }
  return { t, root };
}

type Query = Record<string, string>;

/** What the policy says the reader should get, computed row by row in plain code. */
async function expected(t: ReturnType<typeof testApp>, readerId: string, query: Query): Promise<string[]> {
  const actor = await loadActor(t.db, t.ids.demo.tenantId, readerId);
  const rows = (await t.db.select().from(profiles).where(eq(profiles.tenantId, t.ids.demo.tenantId)).all());
  const entityIds = new Map<string, string[]>();
  for (const m of (await t.db.select().from(memberships).all())) if (m.entityId) entityIds.set(m.personId, [...(entityIds.get(m.personId) ?? []), m.entityId]);
  const admin = actor.memberships.some((m) => m.role === 'admin');
  const member = actor.memberships.some((m) => m.role === 'student' || m.role === 'alumnus' || m.role === 'staff');
  const tokens = query.q ? searchKey(query.q).split(' ').filter(Boolean) : [];
  const hits = rows.filter((row) => {
    const audience = profileAudience(actor, { kind: 'person', tenantId: row.tenantId, personId: row.personId, entityIds: entityIds.get(row.personId) ?? [] });
    const seen = visibleLevels(audience);
    const visibility = visibilityOf(row.visibility);
    const sees = (k: keyof Visibility) => seen.includes(visibility[k]);
    const names = [
      [row.familyKey, 'familyName'],
      [row.givenKey, 'givenName'],
      [row.usageKey, 'usageName'],
    ] as const;
    if (tokens.length === 0 && !names.some(([key, field]) => key && sees(field))) return false;
    if (!tokens.every((token) => names.some(([key, field]) => key?.startsWith(token) && sees(field)))) return false;
    if (query.employer && !(row.employerKey?.startsWith(searchKey(query.employer)) && sees('employer'))) return false;
    if (query.graduationYear && !(row.graduationYear === Number(query.graduationYear) && sees('graduationYear'))) return false;
    if (query.entity && !(row.educationEntityId === query.entity && sees('educationEntityId'))) return false;
    if (query.sector && !(row.sector && searchKey(row.sector).startsWith(searchKey(query.sector)) && sees('sector'))) return false;
    if (query.city && !(row.workCity && searchKey(row.workCity).startsWith(searchKey(query.city)) && sees('workCity'))) return false;
    for (const key of ['mentoring', 'talks', 'hiringInterns'] as const) if (query[key] && !(row.availability[key] && sees('availability'))) return false;
    return true;
  });
  const sortOf = (row: (typeof rows)[number]) => (admin || member ? row.sortNetwork : row.sortPublic);
  return hits
    .sort((a, b) => (sortOf(a) < sortOf(b) ? -1 : sortOf(a) > sortOf(b) ? 1 : a.personId < b.personId ? -1 : 1))
    .map((r) => r.personId);
}

/** Every page, following the cursor. */
async function listed(t: ReturnType<typeof testApp>, readerId: string, query: Query): Promise<string[]> {
  const actor = await loadActor(t.db, t.ids.demo.tenantId, readerId);
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof searchDirectory>> = await searchDirectory(t.db, actor, v.parse(ProfileListQuerySchema, { ...query, limit: '7', ...(cursor ? { cursor } : {}) }));
    ids.push(...(await page).rows.map((r) => r.personId));
    cursor = (await page).nextCursor;
  } while (cursor);
  return ids;
}

describe('directory search against the policy, row by row', async () => {
  const { t, root } = (await fixture());
  const { people: who, entities } = t.ids.demo;
  const readers = {
    'a student (her own fields private)': who['student-ines'],
    'a company representative': who['rep-acme'],
    'staff of one school': who['staff-eng'],
    'staff of the other school': who['staff-mgmt'],
    'staff of the university root': root,
    'an administrator': who['admin-demo'],
  };
  const queries: Query[] = [
    {},
    { q: 'm' },
    { q: 'mar' },
    { q: 'ma du' },
    { q: 'martin' },
    { q: 'in' },
    { employer: 'ac' },
    { graduationYear: '2001' },
    { graduationYear: '2001', entity: entities.management },
    { entity: entities.engineering },
    { q: 'm', graduationYear: '2000' },
    { q: 'l', employer: 'a', entity: entities.engineering },
    { sector: 'ele' },
    { sector: 'É', city: 'l' },
    { city: 'EVRY' },
    { mentoring: 'true' },
    { talks: 'true', hiringInterns: 'true' },
    { q: 'ma', mentoring: 'true', city: 'ly' },
    { graduationYear: '2002', sector: 'banque', talks: 'true' },
  ];
  for (const [name, readerId] of Object.entries(readers)) {
    it(`${name}: every query lists what the policy lets them find, in their sort order`, async () => {
      for (const query of queries) expect({ query, ids: await listed(t, readerId, query) }).toEqual({ query, ids: await expected(t, readerId, query) });
    });
  }
});
