/**
 * The benchmark populations, for the benchmarks here and the load and scale
 * benchmarks in `test/bench`: alumni profiles (person, membership, profile)
 * and companies, inserted in batches of 10,000 rows through prepared
 * statements, one transaction per batch, on top of the demo seed. The
 * generators are deterministic (fixed seeds), so runs are comparable.
 */
import { addDays, defaultVisibility, offerStatuses, passesLuhn, visibilityLevels, type ProfileFields, type VisibilityLevel } from '@passerelle/schema';
import { and, eq, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { SqliteDb } from '../src/db/open.ts';
import { companies, memberships, offers, offerTargets, people, profiles, sessions } from '../src/db/tables/index.ts';
import type { DemoIds } from '../src/seed/demo.ts';
import { derivedColumns, type Visibility } from '../src/profiles/document.ts';
import { openForSeeding, seededRandom } from './harness.ts';

// Deterministic, so runs are comparable.
const { random, pick } = seededRandom(42);

export const given = ['Claire', 'Inès', 'Élodie', 'Jérôme', 'Chloé', 'Lucas', 'Léa', 'Hugo', 'Manon', 'Théo', 'Camille', 'Louis', 'Zoé', 'Nathan', 'Anaïs', 'Mathis', 'Océane', 'Noé', 'Maëlys', 'Gaël', 'Sofiane', 'Yasmine', 'Karim', 'Amélie', 'Benoît', 'Hélène', 'François', 'Agnès', 'Rémi', 'Cécile'];
export const familyRoots = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Légaré'];
const suffixes = ['', '', '', 'eau', 'in', 'et', 'ier', 'on', 'ot', 'aud'];
export const employers = Array.from({ length: 400 }, (_, i) => `${pick(['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Soylent', 'Vandelay', 'Stark', 'Wayne', 'Tyrell'])} ${pick(['Conseil', 'Robotique', 'Logiciels', 'Industries', 'Banque', 'Énergie', 'Santé', 'Transport'])} ${i}`);
const levels: readonly VisibilityLevel[] = visibilityLevels;

/**
 * One prepared single-row INSERT per table (query builder with placeholders),
 * run once per row inside the batch's transaction: far cheaper than building
 * multi-row statements.
 */
export function prepared<T extends SQLiteTable>(tx: SqliteDb, table: T, sample: T['$inferInsert'] | undefined) {
  const values = Object.fromEntries(Object.keys(sample ?? {}).map((k) => [k, sql.placeholder(k)]));
  // The placeholders stand for the row's own values, which have the table's insert type.
  return tx.insert(table).values(values as T['$inferInsert']).prepare();
}

/**
 * Inserts `total` alumni of the demo tenant's two schools (person,
 * membership, profile with its derived search columns and a random mix of
 * field visibilities, and a session each: every sign-in leaves one, and
 * nothing deletes them, so a deployment's sessions number its people and
 * more; a third of these are live, the rest expired). Returns the time spent
 * in the inserts, in ms.
 */
export function insertProfiles(db: SqliteDb, ids: DemoIds, total: number): number {
  const tenantId = ids.demo.tenantId;
  const schools = [ids.demo.entities.engineering, ids.demo.entities.management];
  const at = new Date().toISOString();
  const liveUntil = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const BATCH = 10_000;
  let insertMs = 0;
  for (let from = 0; from < total; from += BATCH) {
    const count = Math.min(BATCH, total - from);
    const personRows: (typeof people.$inferInsert)[] = [];
    const membershipRows: (typeof memberships.$inferInsert)[] = [];
    const profileRows: (typeof profiles.$inferInsert)[] = [];
    const sessionRows: (typeof sessions.$inferInsert)[] = [];
    for (let i = from; i < from + count; i++) {
      const id = crypto.randomUUID();
      const g = pick(given);
      const f = pick(familyRoots) + pick(suffixes);
      const school = pick(schools);
      const email = `${g}.${f}.${i}@alumni.bench.test`.toLowerCase();
      personRows.push({ id, tenantId, hostSubject: `bench-${i}`, email, displayName: `${g} ${f}`, createdAt: at });
      membershipRows.push({ id: crypto.randomUUID(), tenantId, personId: id, role: 'alumnus', entityId: school, createdAt: at });
      const fields: ProfileFields = {
        givenName: g,
        familyName: f,
        usageName: null,
        emails: [{ address: email, primary: true }],
        phone: '+33 6 00 00 00 00',
        address: null,
        programme: school === schools[0] ? "Diplôme d'ingénieur" : 'Master Management',
        educationEntityId: school,
        graduationYear: 1990 + Math.floor(random() * 37),
        employer: pick(employers),
        jobTitle: 'Ingénieure',
        sector: null,
        workCity: 'Lyon',
        workCountry: 'FR',
        linkedinUrl: null,
        previousPositions: [],
        availability: { mentoring: random() < 0.3, talks: false, hiringInterns: false },
        bio: null,
        preferredLanguage: 'fr',
      };
      const visibility: Visibility = { ...defaultVisibility, familyName: pick(levels), givenName: pick(levels), employer: pick(levels), graduationYear: pick(levels) };
      profileRows.push({ personId: id, tenantId, ...fields, visibility, ...derivedColumns(fields, visibility), educationLocked: true, createdAt: at, updatedAt: at, confirmedAt: at });
      // The hash of a token nobody holds: the load signs in people of its own.
      sessionRows.push({ id: crypto.randomUUID(), tenantId, personId: id, tokenHash: `${crypto.randomUUID()}${crypto.randomUUID()}`.replaceAll('-', ''), method: 'host', createdAt: at, expiresAt: i % 3 ? at : liveUntil });
    }
    const t0 = performance.now();
    db.transaction((tx) => {
      const insertPerson = prepared(tx, people, personRows[0]);
      const insertMembership = prepared(tx, memberships, membershipRows[0]);
      const insertProfile = prepared(tx, profiles, profileRows[0]);
      const insertSession = prepared(tx, sessions, sessionRows[0]);
      for (let c = 0; c < count; c++) {
        insertPerson.run(personRows[c]);
        insertMembership.run(membershipRows[c]);
        insertProfile.run(profileRows[c]);
        insertSession.run(sessionRows[c]);
      }
    });
    insertMs += performance.now() - t0;
  }
  return insertMs;
}

// Deterministic, so runs are comparable.
const companyRandom = seededRandom(7);

const heads = ['École', 'Société', 'Groupe', 'Atelier', 'Cabinet', 'Laboratoire', 'Banque', 'Compagnie', 'Établissements', 'Institut', 'Agence', 'Maison', 'Fondation', 'Ingénierie', 'Électricité'];
const middles = ['Générale', 'Lyonnaise', 'Parisienne', 'du Rhône', 'des Alpes', 'Numérique', 'Énergies', 'Logiciels', 'Robotique', 'Conseil', 'Santé', 'Transports', 'Bâtiment', 'Océan', 'Métropole'];
const tails = ['Martin', 'Dubois', 'Lefèvre', 'Girard', 'Mercier', 'Rousseau', 'Fontaine', 'Chevalier', 'Garnier', 'Faure', 'André', 'Légaré', 'Benoît', 'Hélie', 'Noël'];

/** A SIRET passing Luhn whose first 8 digits are the row number (unique). */
function siretFor(i: number): string {
  const lead = String(i).padStart(8, '0') + String(Math.floor(companyRandom.random() * 100_000)).padStart(5, '0');
  for (let d = 0; d <= 9; d++) if (passesLuhn(lead + d)) return lead + d;
  throw new Error('unreachable');
}

/**
 * Inserts `total` companies of the demo tenant (one in twenty pending), the
 * FTS5 index filled by its triggers as in production. Returns one SIRET in
 * every 997, for lookups.
 */
export function insertCompanies(db: SqliteDb, ids: DemoIds, total: number): string[] {
  const { pick } = companyRandom;
  const tenantId = ids.demo.tenantId;
  const at = new Date().toISOString();
  const BATCH = 10_000;
  const sampleSirets: string[] = [];
  for (let from = 0; from < total; from += BATCH) {
    const count = Math.min(BATCH, total - from);
    db.transaction((tx) => {
      const insert = tx
        .insert(companies)
        .values({ id: sql.placeholder('id'), tenantId, name: sql.placeholder('name'), siret: sql.placeholder('siret'), siren: sql.placeholder('siren'), website: null, status: sql.placeholder('status'), createdAt: at })
        .prepare();
      for (let i = from; i < from + count; i++) {
        const siret = siretFor(i + 1);
        if (i % 997 === 0) sampleSirets.push(siret);
        // One in twenty is pending: the typeahead must skip them.
        insert.run({ id: crypto.randomUUID(), name: `${pick(heads)} ${pick(middles)} ${pick(tails)} ${i}`, siret, siren: siret.slice(0, 9), status: i % 20 === 0 ? 'pending' : 'active' });
      }
    });
  }
  db.run(sql`INSERT INTO company_search(company_search) VALUES ('optimize')`);
  return sampleSirets;
}

/** How often each status appears, out of 100: most offers a student sees are published. */
const statusMix: Record<(typeof offerStatuses)[number], number> = {
  published: 60,
  submitted: 8,
  draft: 6,
  changes_requested: 4,
  rejected: 4,
  filled: 8,
  expired: 5,
  withdrawn: 5,
};
const kinds = ['internship', 'internship', 'internship', 'apprenticeship', 'apprenticeship', 'fixed_term', 'permanent', 'international_volunteering'] as const;
const remotes = ['onsite', 'hybrid', 'remote'] as const;
const cities = ['Lyon', 'Paris', 'Villeurbanne', 'Grenoble', 'Marseille', 'Lille', 'Nantes', 'Toulouse', 'Bordeaux', 'Strasbourg'];
const subjects = ['robotique mobile', 'vision par ordinateur', 'contrôle de gestion', 'marketing digital', 'data engineering', 'audit financier', 'développement web', 'supply chain', 'cybersécurité', 'ressources humaines'];

/**
 * `total` offers of the demo tenant, spread over the first thousand active
 * companies, written by the demo people and the first alumni, aimed at the
 * two schools (one in ten at both), with the status mix above and dates
 * spread over the last year (expired ones in the past, live ones ahead).
 */
export async function insertOffers(db: SqliteDb, ids: DemoIds, total: number): Promise<void> {
  if (total === 0) return;
  const { random, pick } = seededRandom(11);
  const { tenantId, entities, people: demoPeople } = ids.demo;
  const companyIds = (await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.tenantId, tenantId), eq(companies.status, 'active')))
    .limit(1000)
    .all())
    .map((r) => r.id);
  const alumni = (await db
    .select({ id: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, 'alumnus')))
    .limit(2000)
    .all())
    .map((r) => r.id);
  const authors = [...Object.values(demoPeople), ...alumni];
  const statuses = Object.entries(statusMix).flatMap(([status, n]) => Array.from({ length: n }, () => status as (typeof offerStatuses)[number]));
  const now = Date.now();
  const today = new Date(now).toISOString().slice(0, 10);
  const BATCH = 10_000;
  for (let from = 0; from < total; from += BATCH) {
    const count = Math.min(BATCH, total - from);
    db.transaction((tx) => {
      let insertOffer: ReturnType<typeof prepared<typeof offers>> | undefined;
      let insertTarget: ReturnType<typeof prepared<typeof offerTargets>> | undefined;
      for (let i = from; i < from + count; i++) {
        const status = pick(statuses);
        const created = new Date(now - Math.floor(random() * 365) * 86_400_000).toISOString();
        const submitted = status === 'draft' ? null : created;
        const published = ['published', 'filled', 'expired'].includes(status) ? created : null;
        const expiresOn = status === 'expired' ? addDays(today, -1 - Math.floor(random() * 60)) : addDays(today, 10 + Math.floor(random() * 120));
        const subject = pick(subjects);
        const row: typeof offers.$inferInsert = {
          id: crypto.randomUUID(),
          tenantId,
          companyId: pick(companyIds),
          authorId: pick(authors),
          title: `Stage — ${subject} ${i}`,
          description: `Au sein de notre équipe, vous travaillerez sur des sujets de **${subject}**.\n\n- Autonomie\n- Encadrement\n`,
          kind: pick(kinds),
          location: pick(cities),
          remote: pick(remotes),
          startDate: addDays(today, Math.floor(random() * 180)),
          durationAmount: 6,
          durationUnit: 'months',
          weeklyHours: 35,
          stipendCents: 65_000 + Math.floor(random() * 60) * 1_000,
          apply: 'https://example.test/candidater',
          expiresOn,
          status,
          moderationReason: status === 'rejected' || status === 'changes_requested' ? 'Précisez la gratification.' : null,
          version: 1,
          createdAt: created,
          updatedAt: created,
          submittedAt: submitted,
          publishedAt: published,
        };
        insertOffer ??= prepared(tx, offers, row);
        insertOffer.run(row);
        const r = random();
        const targets = r < 0.1 ? [entities.engineering, entities.management] : r < 0.55 ? [entities.engineering] : [entities.management];
        for (const entityId of targets) {
          const target = { tenantId, offerId: row.id!, entityId };
          insertTarget ??= prepared(tx, offerTargets, target);
          insertTarget.run(target);
        }
      }
    });
  }
}

export interface Scale {
  profiles: number;
  companies: number;
  offers: number;
}

/**
 * A database file at `file` with the demo seed and the three populations,
 * analysed and checkpointed into the one file, ready to be copied.
 */
export async function seedPopulation(file: string, scale: Scale): Promise<void> {
  const { db, close, ids } = await openForSeeding(file);
  // Random ids land all over the profile indexes: keep them in memory (256 MiB) for the load.
  db.run(sql`PRAGMA cache_size = -262144`);
  insertProfiles(db, ids, scale.profiles);
  insertCompanies(db, ids, scale.companies);
  await insertOffers(db, ids, scale.offers);
  db.run(sql`PRAGMA optimize`);
  db.run(sql`ANALYZE`);
  db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  close();
}
