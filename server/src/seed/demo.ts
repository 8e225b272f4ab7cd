import type { Db } from '../db/open.ts';
import { loadParameters } from '../config/parameters.ts';
import { areaSeeds } from './areas.ts';
import { ensureMembership, upsertCompany, upsertEntity, upsertHostKey, upsertInstitution, upsertPerson } from './upsert.ts';
import { withTransaction } from '../db/transaction.ts';

/** Local-only defaults, documented in the README. Never use them on a real site. */
export const DEMO_HOST_SECRET_DEFAULT = 'demo-host-secret-for-local-use-only-0123456789';
export const OTHER_HOST_SECRET_DEFAULT = 'other-host-secret-for-local-use-only-0123456789';
export const DEMO_KID = 'demo-1';
export const OTHER_KID = 'other-1';
export const DEMO_ORIGIN = 'http://localhost:5173';

export interface DemoIds {
  demo: {
    tenantId: string;
    entities: { university: string; engineering: string; management: string; foundation: string; alumni: string };
    companies: { acme: string; globex: string; initech: string };
    people: Record<'student-ines' | 'alumna-claire' | 'rep-acme' | 'staff-eng' | 'staff-mgmt' | 'admin-demo' | 'dpo-demo', string>;
  };
  other: {
    tenantId: string;
    entities: { university: string; school: string };
    companies: { umbrella: string };
    people: Record<'student-other' | 'staff-other' | 'admin-other', string>;
  };
}

/**
 * The two demo institutions (`demo`, `other`), their entities, people and
 * companies. Idempotent: running it again finds what exists.
 */
export function seedDemo(db: Db, env: Record<string, string | undefined>, now: Date): Promise<DemoIds> {
  const at = now.toISOString();
  // The yearly parameters the server would boot with (the demo's stipends and tax estimates follow them).
  const parameters = loadParameters(env);
  return withTransaction({ db }, async (tx) => {
    const demo = await upsertInstitution(tx, 'demo', 'Université de Démonstration', [DEMO_ORIGIN], at);
    await upsertHostKey(tx, demo, DEMO_KID, env.PASSERELLE_DEMO_HOST_SECRET || DEMO_HOST_SECRET_DEFAULT, at);
    const university = await upsertEntity(tx, demo, null, 'university', 'Université de Démonstration');
    const engineering = await upsertEntity(tx, demo, university, 'school', "École d'ingénieurs", '0754321P', '19753471200017');
    const management = await upsertEntity(tx, demo, university, 'school', 'École de management', '0691234S', '19753471200025');
    const foundation = await upsertEntity(tx, demo, university, 'foundation', 'Fondation');
    const alumni = await upsertEntity(tx, demo, university, 'alumni_association', 'Association des diplômés');
    const acme = await upsertCompany(tx, demo, 'Acme Robotique', '81234567600017', 'https://www.acme-robotique.fr', at);
    const globex = await upsertCompany(tx, demo, 'Globex Conseil', '52345678800026', 'https://globex-conseil.fr', at);
    const initech = await upsertCompany(tx, demo, 'Initech Logiciels', '73456789400013', null, at);

    const person = (sub: string, email: string, name: string) => upsertPerson(tx, demo, sub, email, name, at);
    const ines = await person('student-ines', 'ines.martin@etu.demo.test', 'Inès Martin');
    const claire = await person('alumna-claire', 'claire.dubois@alumni.demo.test', 'Claire Dubois');
    const rep = await person('rep-acme', 'marc.lefevre@acme-robotique.fr', 'Marc Lefèvre');
    const staffEng = await person('staff-eng', 'sophie.bernard@demo.test', 'Sophie Bernard');
    const staffMgmt = await person('staff-mgmt', 'julien.moreau@demo.test', 'Julien Moreau');
    const admin = await person('admin-demo', 'nadia.haddad@demo.test', 'Nadia Haddad');
    const dpo = await person('dpo-demo', 'camille.laurent@demo.test', 'Camille Laurent');
    await ensureMembership(tx, demo, ines, 'student', { entityId: engineering }, at);
    await ensureMembership(tx, demo, claire, 'alumnus', { entityId: management }, at);
    await ensureMembership(tx, demo, claire, 'alumnus', { entityId: alumni }, at);
    await ensureMembership(tx, demo, rep, 'company_rep', { companyId: acme }, at);
    await ensureMembership(tx, demo, staffEng, 'staff', { entityId: engineering }, at);
    await ensureMembership(tx, demo, staffMgmt, 'staff', { entityId: management }, at);
    await ensureMembership(tx, demo, admin, 'admin', { entityId: university }, at);
    // The data protection officer reads every person's consents and their proof, nothing else (policy: `consent.proof`).
    await ensureMembership(tx, demo, dpo, 'dpo', { entityId: university }, at);

    const other = await upsertInstitution(tx, 'other', 'Institut Autre', ['http://localhost:5174'], at);
    await upsertHostKey(tx, other, OTHER_KID, env.PASSERELLE_OTHER_HOST_SECRET || OTHER_HOST_SECRET_DEFAULT, at);
    const otherUniversity = await upsertEntity(tx, other, null, 'university', 'Institut Autre');
    const otherSchool = await upsertEntity(tx, other, otherUniversity, 'school', 'École Autre', '0131842G');
    const umbrella = await upsertCompany(tx, other, 'Umbrella Industries', '44556677100017', null, at);
    const studentOther = await upsertPerson(tx, other, 'student-other', 'eve.petit@etu.autre.test', 'Ève Petit', at);
    const staffOther = await upsertPerson(tx, other, 'staff-other', 'paul.roux@autre.test', 'Paul Roux', at);
    const adminOther = await upsertPerson(tx, other, 'admin-other', 'lea.garnier@autre.test', 'Léa Garnier', at);
    await ensureMembership(tx, other, studentOther, 'student', { entityId: otherSchool }, at);
    await ensureMembership(tx, other, staffOther, 'staff', { entityId: otherSchool }, at);
    await ensureMembership(tx, other, adminOther, 'admin', { entityId: otherUniversity }, at);

    const ids: DemoIds = {
      demo: {
        tenantId: demo,
        entities: { university, engineering, management, foundation, alumni },
        companies: { acme, globex, initech },
        people: { 'student-ines': ines, 'alumna-claire': claire, 'rep-acme': rep, 'staff-eng': staffEng, 'staff-mgmt': staffMgmt, 'admin-demo': admin, 'dpo-demo': dpo },
      },
      other: {
        tenantId: other,
        entities: { university: otherUniversity, school: otherSchool },
        companies: { umbrella },
        people: { 'student-other': studentOther, 'staff-other': staffOther, 'admin-other': adminOther },
      },
    };
    for (const seed of areaSeeds) await seed(tx, ids, at, parameters);
    return ids;
  });
}
