import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../testing.ts';
import { auditLog, memberships, people, profileDuplicateFlags, profiles, webhookDeliveries } from '../db/tables/index.ts';
import { insertSubscription } from '../webhooks/queries/subscriptions.ts';
import { generateSecret } from '../webhooks/sign.ts';
import { importCommand } from '../cli/import.ts';
import { CliInputError } from '../cli/tenant.ts';
import { runImport, type ImportOptions } from './run.ts';
import { readCsv } from '../csv/parse.ts';

const dir = mkdtempSync(join(tmpdir(), 'passerelle-import-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** Writes a file in the test directory and returns its path. */
const file = (content: string | Uint8Array, name = `people-${++n}.csv`) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Windows-1252 bytes of a string (the characters these tests use). */
const cp1252 = (s: string) =>
  Uint8Array.from([...s].map((ch) => ({ é: 0xe9, è: 0xe8, ë: 0xeb, ç: 0xe7, É: 0xc9, Œ: 0x8c, œ: 0x9c, '’': 0x92 })[ch] ?? ch.charCodeAt(0)));

const counts = async (t: TestApp) => ({
  people: (await t.db.select({ n: count() }).from(people).get())!.n,
  profiles: (await t.db.select({ n: count() }).from(profiles).get())!.n,
  memberships: (await t.db.select({ n: count() }).from(memberships).get())!.n,
  flags: (await t.db.select({ n: count() }).from(profileDuplicateFlags).get())!.n,
  audit: (await t.db.select({ n: count() }).from(auditLog).get())!.n,
});

// The report in English, the language these tests assert (French is the default: see the report test below).
const importPeople = (t: TestApp, path: string, extra: Partial<ImportOptions> = {}) =>
  runImport(t.db, { kind: 'people', tenantId: t.ids.demo.tenantId, file: path, mapping: {}, now: t.clock.now(), language: 'en', ...extra });

const byExternalId = (t: TestApp, externalId: string) =>
  t.db
    .select({ id: people.id, email: people.email, profile: profiles })
    .from(people)
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .where(and(eq(people.tenantId, t.ids.demo.tenantId), eq(people.externalId, externalId)))
    .get();

const reportOutcomes = (path: string) => readCsv(readFileSync(path)).records.map((r) => r.cells[1]);

const french = {
  Matricule: 'externalId',
  Nom: 'familyName',
  Prénom: 'givenName',
  Courriel: 'email',
  Promo: 'graduationYear',
  École: 'entity',
  Employeur: 'employer',
};

describe('people import', () => {
  it('rejects only the bad line, with its line number and reason, and imports the others', async () => {
    const t = testApp();
    const before = (await counts(t));
    const path = file(
      [
        'Matricule;Nom;Prénom;Courriel;Promo;École;Employeur',
        'A-1;Durand;Lucie;lucie.durand@example.org;2020;École de management;"Acme; Robotique"',
        // A quoted cell over two physical lines: the next record starts on line 5.
        'A-2;Petit;Hugo;hugo.petit@example.org;2021;École d’ingénieurs;"Globex\nConseil"',
        'A-3;Roux;Léa;lea.roux@example.org;vingt;École de management;',
        'A-4;Blanc;Marc;marc.blanc@example.org;2018;Ecole de Management;',
        'A-5;Noir;Zoé;zoe.noir@example.org;2018;École des Beaux-Arts;',
      ].join('\r\n'),
    );
    const summary = await importPeople(t, path, { mapping: french });
    expect(summary.counts).toMatchObject({ created: 3, rejected: 2 });
    const rejected = summary.results.filter((r) => r.outcome === 'rejected');
    expect(rejected).toEqual([
      // The reason is the year's field error, by its code in the catalogue's words (whatever they are).
      expect.objectContaining({ line: 5, code: 'import.row.invalid', message: expect.stringMatching(/^graduationYear: \S/) }),
      expect.objectContaining({ line: 7, code: 'import.person.entityUnknown', message: 'No school or faculty of this institution is named "École des Beaux-Arts".' }),
    ]);
    expect((await counts(t)).people).toBe(before.people + 3);

    const lucie = (await byExternalId(t, 'A-1'))!;
    expect(lucie.profile).toMatchObject({
      givenName: 'Lucie',
      familyName: 'Durand',
      graduationYear: 2020,
      employer: 'Acme; Robotique',
      educationEntityId: t.ids.demo.entities.management,
      educationLocked: true,
      primaryEmail: 'lucie.durand@example.org',
      version: 1,
    });
    expect(lucie.profile.visibility.emails).toBe('private');
    expect((await byExternalId(t, 'A-2'))!.profile.employer).toBe('Globex\nConseil');
    // Folded school names match ("Ecole de Management").
    expect((await byExternalId(t, 'A-4'))!.profile.educationEntityId).toBe(t.ids.demo.entities.management);
    const roles = (await t.db.select({ role: memberships.role, entityId: memberships.entityId }).from(memberships).where(eq(memberships.personId, lucie.id)).all());
    expect(roles).toEqual([{ role: 'alumnus', entityId: t.ids.demo.entities.management }]);

    const audit = (await t.db.select().from(auditLog).where(eq(auditLog.subjectId, lucie.id)).all());
    expect(audit).toEqual([expect.objectContaining({ action: 'profile.import.create', actorId: null, origin: 'cli:import', entityIds: [t.ids.demo.entities.management] })]);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'import.people')).get())?.detail).toMatchObject({ lines: 5, counts: { created: 3, rejected: 2 } });

    const bytes = readFileSync(`${path}.report.csv`);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const report = readCsv(bytes);
    expect(report).toMatchObject({ delimiter: ';', header: { cells: ['line', 'outcome', 'id', 'match', 'fields', 'message', 'code'] } });
    expect(report.records.map((r) => r.cells.slice(0, 2))).toEqual([['2', 'created'], ['3', 'created'], ['5', 'rejected'], ['6', 'created'], ['7', 'rejected']]);
    expect(report.records[2]!.cells).toEqual(['5', 'rejected', '', '', '', rejected[0]!.message, 'import.row.invalid']);
  });

  it('updates on a re-import instead of duplicating, and says what did not change', async () => {
    const t = testApp();
    const first = file('externalId;familyName;givenName;email;graduationYear;employer\nX-1;Morel;Anne;anne.morel@example.org;2015;Acme\nX-2;Faure;Paul;paul.faure@example.org;2016;Globex\n');
    await importPeople(t, first, { entity: 'École de management' });
    const after1 = (await counts(t));
    const anne = (await byExternalId(t, 'X-1'))!;

    const staff = await t.signIn('staff-mgmt');
    const etag = (await (await t.call('GET', `/v1/profiles/${anne.id}`, { token: staff })).headers.get('etag'));

    // Anne changed employer; Paul is matched by email (case aside) and gets his external id... he already has it: unchanged.
    const second = file('externalId;familyName;givenName;email;graduationYear;employer\nX-1;Morel;Anne;anne.morel@example.org;2015;Initech\n;Faure;Paul;PAUL.FAURE@example.org;2016;Globex\n');
    const summary = await importPeople(t, second, { entity: 'École de management' });
    expect(summary.results.map((r) => [r.outcome, r.match, r.fields])).toEqual([
      ['updated', 'externalId', ['employer']],
      ['unchanged', 'email', []],
    ]);
    expect((await counts(t))).toMatchObject({ people: after1.people, profiles: after1.profiles, memberships: after1.memberships });
    expect((await byExternalId(t, 'X-1'))!.profile).toMatchObject({ employer: 'Initech', version: 2, employerKey: 'initech' });
    const res = await t.call('GET', `/v1/profiles/${anne.id}`, { token: staff });
    expect(res.headers.get('etag')).not.toBe(etag);
    expect(await res.json()).toMatchObject({ employer: 'Initech' });
    expect((await t.db.select().from(auditLog).where(and(eq(auditLog.subjectId, anne.id), eq(auditLog.action, 'profile.import.update'))).get())?.detail).toEqual({
      line: 2,
      match: 'externalId',
      fields: ['employer'],
    });
  });

  it('links an existing person found by email to their external id, and lets the school update locked education', async () => {
    const t = testApp();
    const claire = t.ids.demo.people['alumna-claire'];
    const path = file('email;externalId;programme;role;entity\nClaire.Dubois@alumni.demo.test;CRM-42;Master Stratégie;alumnus;École de management\n');
    const summary = await importPeople(t, path);
    expect(summary.results[0]).toMatchObject({ outcome: 'updated', id: claire, match: 'email', fields: ['programme', 'externalId'] });
    expect((await byExternalId(t, 'CRM-42'))).toMatchObject({ id: claire, profile: { programme: 'Master Stratégie', educationLocked: true } });
  });

  it('changes a profile through the same update as PATCH: new version, audit, duplicate flags, webhook event', async () => {
    const t = testApp();
    const { people: who, entities, tenantId } = t.ids.demo;
    const at = t.clock.now().toISOString();
    const crm = await insertSubscription(t.db, { tenantId, entityId: entities.engineering, url: 'https://crm.example.org/hooks', events: ['profile.updated'], secret: generateSecret(), description: null, enabled: true, createdAt: at, createdBy: null, updatedAt: at });
    // Inès's record, corrected by the school to Claire's name, year and programme: a possible duplicate, never a merge.
    const path = file('email;givenName;familyName;graduationYear;programme\nines.martin@etu.demo.test;Claire;Dubois;2019;Master Management\n');
    const summary = await importPeople(t, path);
    expect(summary.results[0]).toMatchObject({ outcome: 'updated', id: who['student-ines'], match: 'email' });
    expect((await t.db.select().from(profiles).where(eq(profiles.personId, who['student-ines'])).get())).toMatchObject({ familyName: 'Dubois', version: 2, educationLocked: true, updatedBy: null });
    expect((await t.db.select({ other: profileDuplicateFlags.otherPersonId, reason: profileDuplicateFlags.reason }).from(profileDuplicateFlags).where(eq(profileDuplicateFlags.personId, who['student-ines'])).all())).toEqual([
      { other: who['alumna-claire'], reason: 'nameYearProgramme' },
    ]);
    const audit = t.db.select().from(auditLog).where(and(eq(auditLog.subjectId, who['student-ines']), eq(auditLog.action, 'profile.import.update'))).all();
    expect((await audit)).toEqual([expect.objectContaining({ actorId: null, origin: 'cli:import', detail: { line: 2, match: 'email', fields: expect.arrayContaining(['givenName', 'familyName', 'graduationYear', 'programme']) } })]);
    const messages = (await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, crm.id)).all());
    expect(messages.map((m) => [m.eventType, (JSON.parse(m.payload) as { data: { familyName: string } }).data.familyName])).toEqual([['profile.updated', 'Dubois']]);
  });

  it('turns a student into an alumnus of the same school', async () => {
    const t = testApp();
    const ines = t.ids.demo.people['student-ines'];
    const summary = await importPeople(t, file('email,role\nines.martin@etu.demo.test,alumnus\n'));
    expect(summary.results[0]).toMatchObject({ outcome: 'updated', fields: ['role'] });
    expect((await t.db.select({ role: memberships.role }).from(memberships).where(eq(memberships.personId, ines)).all())).toEqual([{ role: 'alumnus' }]);
  });

  it('flags a near-duplicate (same name with other accents and case, same year, other email) and never merges it', async () => {
    const t = testApp();
    const claire = t.ids.demo.people['alumna-claire'];
    const before = (await counts(t));
    const path = file('givenName;familyName;graduationYear;email;entity\nCLAIRE;Duboïs;2019;c.dubois@perso.example.org;École de management\n');
    const summary = await importPeople(t, path);
    expect(summary.counts).toMatchObject({ flagged: 1, created: 0 });
    const created = summary.results[0]!;
    expect(created).toMatchObject({ outcome: 'flagged', match: 'nameYear' });
    expect(created.id).not.toBe(claire);
    expect((await counts(t)).people).toBe(before.people + 1);
    // Claire's own profile is untouched.
    expect((await t.db.select({ email: profiles.primaryEmail, version: profiles.version }).from(profiles).where(eq(profiles.personId, claire)).get())).toEqual({
      email: 'claire.dubois@alumni.demo.test',
      version: 1,
    });
    // Staff see the pair from either side, and resolve it with the existing route.
    const staff = await t.signIn('staff-mgmt');
    const view = (await (await t.call('GET', `/v1/profiles/${claire}`, { token: staff })).json()) as { reviewFlags: { id: string; otherProfileId: string }[] };
    expect(view.reviewFlags).toEqual([expect.objectContaining({ otherProfileId: created.id })]);
    const resolved = await t.call('POST', `/v1/profiles/${claire}/review-flags/${view.reviewFlags[0]!.id}/resolve`, { token: staff });
    expect(resolved.status).toBe(200);
  });

  it('imports a Windows-1252 file separated by ";" with its accents', async () => {
    const t = testApp();
    const path = file(cp1252('Matricule;Nom;Prénom;Promo;École;Ville\r\nW-1;Lefèvre-Œuvray;Hélène;2012;École de management;Besançon\r\nW-2;N’Diaye;Noël;2013;École d’ingénieurs;Orléans\r\n'));
    const summary = await importPeople(t, path, { mapping: { Matricule: 'externalId', Nom: 'familyName', Prénom: 'givenName', Promo: 'graduationYear', École: 'entity', Ville: 'workCity' } });
    expect(await summary).toMatchObject({ encoding: 'windows-1252', delimiter: ';', counts: { created: 2 } });
    expect((await byExternalId(t, 'W-1'))!.profile).toMatchObject({ familyName: 'Lefèvre-Œuvray', givenName: 'Hélène', workCity: 'Besançon', familyKey: 'lefevre-œuvray' });
    expect((await byExternalId(t, 'W-2'))!.profile).toMatchObject({ familyName: 'N’Diaye', givenName: 'Noël', educationEntityId: t.ids.demo.entities.engineering });
  });

  it('writes the report but nothing in the database on a dry run', async () => {
    const t = testApp();
    const before = counts(t);
    const path = file('externalId;familyName;givenName;graduationYear\nD-1;Martin;Luc;2010\nD-2;Martin;;2010\n');
    const report = join(dir, 'dry-report.csv');
    const summary = await importPeople(t, path, { entity: 'École de management', dryRun: true, report });
    expect(summary.counts).toMatchObject({ created: 1, rejected: 1 });
    expect((await counts(t))).toEqual((await before));
    expect(reportOutcomes(report)).toEqual(['created', 'rejected']);
  });

  it('refuses a structural error (unknown field, missing column) with exit-code-2 errors, writing nothing', async () => {
    const t = testApp();
    const before = counts(t);
    const path = file('Nom;Prénom\nDurand;Lucie\n');
    const run = (...args: string[]) => () => importCommand(t.db, ['people', path, '--tenant', 'demo', ...args], { env: { PASSERELLE_LANG: 'en' }, stderr: { write: () => true } });
    await expect(run('--map', 'Nom=lastName')()).rejects.toThrow(CliInputError);
    await expect(run('--map', 'Nom=lastName')()).rejects.toThrow(/^Nothing was imported\. Invalid column mapping:\n {2}column "Nom": .*externalId.*linkedinUrl/);
    await expect(run('--map', 'Nom=familyName', '--map', 'Promo=graduationYear')()).rejects.toThrow(/the file does not have: "Promo"/);
    await expect(run('--map', 'Nom=familyName', '--entity', 'Nowhere')()).rejects.toThrow(/named "Nowhere"/);
    await expect(run('--encoding', 'latin9')()).rejects.toThrow(/--encoding is utf-8 or windows-1252/);
    await expect(importCommand(t.db, ['people', path, '--tenant', 'nope'], { env: { PASSERELLE_LANG: 'en' }, stderr: { write: () => true } })).rejects.toThrow(/No institution with the slug "nope"/);
    expect((await counts(t))).toEqual((await before));
    expect(existsSync(`${path}.report.csv`)).toBe(false);
  });

  it('speaks French unless told otherwise: the summary, the report’s messages (with their codes) and the refusals', async () => {
    const t = testApp();
    const path = file('Nom;Prénom;Promo\nGarnier;Théo;2011\nRoux;Léa;vingt\nBlanc;;2012\n');
    // A locale that names neither language: French, the product's.
    const io = { env: { LANG: 'C.UTF-8' }, stderr: { write: () => true } };
    const map = ['--map', 'Nom=familyName', '--map', 'Prénom=givenName', '--map', 'Promo=graduationYear'];
    const out = await importCommand(t.db, ['people', path, '--tenant', 'demo', ...map, '--entity', 'École de management'], io);
    expect(await out).toContain('Import des personnes : 3 lignes en ');
    expect(await out).toContain('créées 1, mises à jour 0, inchangées 0, signalées 0, rejetées 2');
    expect(await out).toContain('rapport : ');
    const rows = readCsv(readFileSync(`${path}.report.csv`)).records.map((r) => r.cells.slice(5));
    expect(rows[0]).toEqual(['', '']);
    expect(rows[1]![0]).toMatch(/^graduationYear : /);
    expect(rows[1]![0]).not.toMatch(/ year | digits /);
    expect(rows[1]![1]).toBe('import.row.invalid');
    expect(rows[2]).toEqual([
      'Personne ne correspond à cette ligne par identifiant externe ou e-mail, et une nouvelle personne a besoin de givenName et familyName.',
      'import.person.needsNames',
    ]);
    await expect(importCommand(t.db, ['people', path, '--tenant', 'nope'], io)).rejects.toThrow('Aucun établissement n’a le slug « nope ».');
    await expect(importCommand(t.db, ['people', path, '--tenant', 'demo', '--map', 'Nom=familyName', '--map', 'Mail=email'], io)).rejects.toThrow(
      'Rien n’a été importé. L’association nomme une colonne absente du fichier : « Mail ». Les colonnes du fichier sont : « Nom », « Prénom », « Promo ».',
    );
  });

  it('resolves the file, the mapping and the report from where the command was typed (INIT_CWD)', async () => {
    const t = testApp();
    file('Nom;Prénom;Promo\nGarnier;Théo;2011\n', 'relative.csv');
    file(JSON.stringify({ Nom: 'familyName', Prénom: 'givenName', Promo: 'graduationYear' }), 'mapping.json');
    const stderr: string[] = [];
    const out = await importCommand(t.db, ['people', 'relative.csv', '--tenant', 'demo', '--mapping', 'mapping.json', '--entity', 'École de management', '--report', 'out.csv'], {
      env: { INIT_CWD: dir, PASSERELLE_LANG: 'en' },
      stderr: { write: (s: string) => stderr.push(s) },
    });
    expect(await out).toContain('created 1, updated 0, unchanged 0, flagged 0, rejected 0');
    expect(await out).toContain('Nom → familyName');
    expect(existsSync(join(dir, 'out.csv'))).toBe(true);
    expect(stderr.join('')).toContain('100 % (1/1 lines');
  });

  it('rolls everything back when the import fails midway', async () => {
    const t = testApp();
    const before = counts(t);
    // The first line updates Claire in place (not buffered): the rollback must undo it.
    const path = file('email;employer;familyName;givenName;graduationYear\nclaire.dubois@alumni.demo.test;Initech;;;\n;;Roux;Bea;2011\n');
    let ticks = 0;
    const crash = () => ({
      tick() {
        if (++ticks === 2) throw new Error('disk on fire');
      },
      end() {},
    });
    await expect(importPeople(t, path, { entity: 'École de management', progress: crash })).rejects.toThrow('disk on fire');
    expect((await counts(t))).toEqual((await before));
    expect((await t.db.select({ employer: profiles.employer }).from(profiles).where(eq(profiles.personId, t.ids.demo.people['alumna-claire'])).get())).toEqual({ employer: 'Globex Conseil' });
  });
});
