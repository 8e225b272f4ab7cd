/**
 * The benchmark populations, for the benchmarks here and the load and scale
 * benchmarks in `test/bench`: alumni profiles (person, membership, profile)
 * and companies, inserted in batches of 10,000 rows through prepared
 * statements, one transaction per batch, on top of the demo seed. The
 * generators are deterministic (fixed seeds), so runs are comparable.
 */
import { defaultVisibility, passesLuhn, visibilityLevels, type ProfileFields, type VisibilityLevel } from '@passerelle/schema';
import { sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db, Tx } from '../src/db/open.ts';
import { companies, memberships, people, profiles } from '../src/db/tables/index.ts';
import type { DemoIds } from '../src/seed/demo.ts';
import { derivedColumns, type Visibility } from '../src/profiles/document.ts';
import { seededRandom } from './harness.ts';

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
export function prepared<T extends SQLiteTable>(tx: Tx, table: T, sample: T['$inferInsert'] | undefined) {
  const values = Object.fromEntries(Object.keys(sample ?? {}).map((k) => [k, sql.placeholder(k)]));
  // The placeholders stand for the row's own values, which have the table's insert type.
  return tx.insert(table).values(values as T['$inferInsert']).prepare();
}

/**
 * Inserts `total` alumni of the demo tenant's two schools (person,
 * membership, profile with its derived search columns and a random mix of
 * field visibilities). Returns the time spent in the inserts, in ms.
 */
export function insertProfiles(db: Db, ids: DemoIds, total: number): number {
  const tenantId = ids.demo.tenantId;
  const schools = [ids.demo.entities.engineering, ids.demo.entities.management];
  const at = new Date().toISOString();
  const BATCH = 10_000;
  let insertMs = 0;
  for (let from = 0; from < total; from += BATCH) {
    const count = Math.min(BATCH, total - from);
    const personRows: (typeof people.$inferInsert)[] = [];
    const membershipRows: (typeof memberships.$inferInsert)[] = [];
    const profileRows: (typeof profiles.$inferInsert)[] = [];
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
    }
    const t0 = performance.now();
    db.transaction((tx) => {
      const insertPerson = prepared(tx, people, personRows[0]);
      const insertMembership = prepared(tx, memberships, membershipRows[0]);
      const insertProfile = prepared(tx, profiles, profileRows[0]);
      for (let c = 0; c < count; c++) {
        insertPerson.run(personRows[c]);
        insertMembership.run(membershipRows[c]);
        insertProfile.run(profileRows[c]);
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
export function insertCompanies(db: Db, ids: DemoIds, total: number): string[] {
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
