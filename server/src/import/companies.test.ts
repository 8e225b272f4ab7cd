import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../testing.ts';
import { auditLog, companies } from '../db/tables/index.ts';
import { runImport } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'passerelle-import-companies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: string) => {
  const path = join(dir, `companies-${++n}.csv`);
  writeFileSync(path, content);
  return path;
};

const importCompanies = (t: TestApp, content: string, mapping: Record<string, string> = {}) =>
  runImport(t.db, { kind: 'companies', tenantId: t.ids.demo.tenantId, file: file(content), mapping, now: t.clock.now(), language: 'en' });

const companyCount = async (t: TestApp) => (await t.db.select({ n: count() }).from(companies).where(eq(companies.tenantId, t.ids.demo.tenantId)).get())!.n;
const bySiret = async (t: TestApp, siret: string) => (await t.db.select().from(companies).where(and(eq(companies.tenantId, t.ids.demo.tenantId), eq(companies.siret, siret))).get());

const mapping = { 'Raison sociale': 'name', SIRET: 'siret', Ville: 'city', Site: 'website', Secteur: 'sector' };

describe('companies import', () => {
  it('creates verified companies, rejects a bad SIRET with its line, and keeps the company search in step', async () => {
    const t = testApp();
    const before = (await companyCount(t));
    const summary = await importCompanies(
t,
'Raison sociale;SIRET;Ville;Site;Secteur\n'+
'Société Générale Ingénierie;552 120 222 00013;Paris;https://www.sgi.example;Ingénierie\n'+
'Mauvais SIRET;55212022200014;Lyon;;\n'+
'Sans nom;;Lyon;;\n',
mapping
);
    expect(summary.results.map((r) => [r.line, r.outcome, r.message])).toEqual([
      [2, 'created', ''],
      [3, 'rejected', 'siret: A SIRET is 14 digits with a valid check digit (Luhn).'],
      [4, 'rejected', 'No company matches this line, and a new company needs its SIRET.'],
    ]);
    expect((await companyCount(t))).toBe(before + 1);
    expect((await bySiret(t, '55212022200013'))).toMatchObject({ name: 'Société Générale Ingénierie', siren: '552120222', city: 'Paris', sector: 'Ingénierie', status: 'active', website: 'https://www.sgi.example' });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'company.import.create')).all())).toHaveLength(1);

    const res = await t.call('GET', '/v1/companies?q=generale%20ingen', { token: await t.signIn('student-ines') });
    expect(((await res.json()) as { items: { name: string }[] }).items.map((c) => c.name)).toContain('Société Générale Ingénierie');
  });

  it('matches by SIRET on a re-import: updates what changed, leaves the rest, never duplicates', async () => {
    const t = testApp();
    const before = companyCount(t);
    // Acme Robotique (demo) by its SIRET, renamed; Globex unchanged.
    const summary = await importCompanies(t, 'name,siret,city\nAcme Robotique SAS,81234567600017,Grenoble\nGlobex Conseil,52345678800026,\n');
    expect(summary.results.map((r) => [r.outcome, r.id, r.fields])).toEqual([
      ['updated', t.ids.demo.companies.acme, ['name', 'city']],
      ['unchanged', t.ids.demo.companies.globex, []],
    ]);
    expect((await companyCount(t))).toBe((await before));
    expect((await bySiret(t, '81234567600017'))).toMatchObject({ name: 'Acme Robotique SAS', city: 'Grenoble', website: 'https://www.acme-robotique.fr' });
    // The renamed company is found under its new name.
    const res = await t.call('GET', '/v1/companies?q=robotique%20sas', { token: await t.signIn('student-ines') });
    expect(((await res.json()) as { items: { id: string }[] }).items.map((c) => c.id)).toContain(t.ids.demo.companies.acme);

    const again = await importCompanies(t, 'name,siret,city\nAcme Robotique SAS,81234567600017,Grenoble\n');
    expect(again.counts).toMatchObject({ unchanged: 1 });
  });

  it('flags a line without SIRET whose folded name matches a company, and writes nothing for it', async () => {
    const t = testApp();
    const before = companyCount(t);
    const summary = await importCompanies(t, 'name;city\nGLOBEX conseil;Lyon\nInconnue SA;Lyon\n');
    expect(summary.results.map((r) => [r.outcome, r.match, r.id])).toEqual([
      ['flagged', 'name', t.ids.demo.companies.globex],
      ['rejected', null, null],
    ]);
    expect(summary.results[0]!.message).toMatch(/^Possible duplicate of Globex Conseil .*nothing was written/);
    expect((await companyCount(t))).toBe((await before));
    expect((await bySiret(t, '52345678800026'))?.city).toBeNull();
  });

  it('creates a same-named establishment with another SIRET', async () => {
    const t = testApp();
    const summary = await importCompanies(t, 'name;siret\nAcme Robotique;81234567600025\n');
    expect(summary.results[0]).toMatchObject({ outcome: 'created' });
  });
});
