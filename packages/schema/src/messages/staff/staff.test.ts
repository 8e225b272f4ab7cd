import { describe, expect, it } from 'vitest';
import { staffCodes, staffMessageCodes, type StaffCatalogue, type StaffCode, type StaffMessage, type StaffParamsOf } from './codes.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import type { FieldIssue } from '../../core/problem.ts';
import { sayIn, staffWords } from './index.ts';

/** Codes that take parameters: each needs a sample, or this file does not type-check. */
type WithParams = { [C in StaffCode]: keyof StaffParamsOf<C> extends never ? never : C }[StaffCode];
const database = { path: '/srv/passerelle.db', bytes: 3_400_000, integrity: 'ok', tables: { people: 120, companies: 3 } };
const summary = {
  kind: 'people',
  dryRun: false,
  lines: 2,
  seconds: 0.42,
  perSecond: 5,
  encoding: 'utf-8',
  separator: ';',
  counts: { created: 1, updated: 0, unchanged: 0, flagged: 0, rejected: 1 },
  columns: [['Nom', 'familyName'], ['email', 'email']],
  ignored: ['Remarque'],
  oneColumn: null,
  report: '/tmp/base.csv.report.csv',
} satisfies StaffParamsOf<'cli.import.summary'>;
const yearError = { path: 'graduationYear', code: 'validation.format', params: {} } as const;
const samples: { [C in WithParams]: StaffParamsOf<C>[] } = {
  'cli.seed.ready': [{ demo: 'a1', other: 'b2' }],
  'cli.input.invalid': [{ errors: [{ path: 'alg', code: 'validation.notOneOf', params: { options: ['HS256', 'EdDSA'] } }, { ...yearError, path: '' }] }],
  'cli.tenant.unknown': [{ slug: 'nowhere' }],
  'cli.tenant.exists': [{ slug: 'demo' }],
  'cli.tenant.added': [{ slug: 'demo', id: 'a1' }],
  'cli.tenant.origins': [{ slug: 'demo', origins: ['https://a.example', 'https://b.example'] }],
  'cli.tenant.keyAdded': [{ slug: 'demo', kid: '2026-01', alg: 'HS256' }],
  'cli.entity.unknown': [{ slug: 'demo', name: 'École' }],
  'cli.entity.siretSet': [{ slug: 'demo', name: 'École', siret: '19753471200017' }],
  'cli.staffEmailSignIn.onOrOff': [{ slug: 'demo' }],
  'cli.staffEmailSignIn.unchanged': [{ slug: 'demo', on: true }, { slug: 'demo', on: false }],
  'cli.staffEmailSignIn.changed': [{ slug: 'demo', before: false, after: true }, { slug: 'demo', before: true, after: false }],
  'cli.offersOpenToVisitors.onOrOff': [{ slug: 'demo' }],
  'cli.offersOpenToVisitors.unchanged': [{ slug: 'demo', on: true }, { slug: 'demo', on: false }],
  'cli.offersOpenToVisitors.changed': [{ slug: 'demo', before: false, after: true }, { slug: 'demo', before: true, after: false }],
  'cli.retention.years': [{ slug: 'demo' }],
  'cli.retention.unchanged': [{ slug: 'demo', years: 3, isDefault: true, inactiveSince: '2023-03-02' }],
  'cli.retention.changed': [{ slug: 'demo', before: 3, years: 5, isDefault: false, inactiveSince: '2021-03-02' }, { slug: 'demo', before: 5, years: 3, isDefault: true, inactiveSince: '2023-03-02' }],
  'cli.receiptIssuer.invalid': [{ fields: ['--status', '--siren'] }],
  'cli.receiptIssuer.set': [{ slug: 'demo', legalName: 'Université de Démonstration' }],
  'cli.receiptIssuer.unchanged': [{ slug: 'demo' }],
  'cli.tenant.list': [{ tenants: [{ slug: 'demo', name: 'Université de démonstration', origins: 2, keys: 1 }, { slug: 'other', name: 'Autre', origins: 0, keys: 0 }] }, { tenants: [] }],
  'cli.tenant.originUnknown': [{ slug: 'demo', origin: 'https://a.example' }],
  'cli.tenant.keys': [{ slug: 'demo', keys: [{ kid: '2026-01', alg: 'HS256', createdAt: '2026-01-02T03:04:05.000Z', revokedAt: null }, { kid: '2025-01', alg: 'EdDSA', createdAt: '2025-01-02T03:04:05.000Z', revokedAt: '2026-01-02T03:04:05.000Z' }] }, { slug: 'demo', keys: [] }],
  'cli.tenant.keyExists': [{ slug: 'demo', kid: '2026-01' }],
  'cli.tenant.keyUnknown': [{ slug: 'demo', kid: '2026-01' }],
  'cli.tenant.keyRemoved': [{ slug: 'demo', kid: '2026-01' }],
  'cli.soltea.set': [{ year: 2026, periods: [['2026-05-25', '2026-06-26', '2026-07-10'], ['2026-07-13', '2026-10-23', '2026-11-06']], unallocatedFrom: '2026-11-26' }, { year: 2027, periods: [], unallocatedFrom: null }],
  'cli.soltea.reset': [{ year: 2026, wasSet: true, fileHasYear: true }, { year: 2027, wasSet: true, fileHasYear: false }, { year: 2026, wasSet: false, fileHasYear: true }],
  'cli.soltea.period': [{ value: '2026-05-25' }],
  'cli.soltea.year': [{ value: '26' }],
  'cli.soltea.calendar': [{ years: [{ year: 2026, published: false, origin: 'file', periods: [] }, { year: 2025, published: true, origin: 'set', periods: [['2025-05-26', '2025-06-27', '2025-07-11']] }] }],
  'cli.paymentPage.set': [{ slug: 'demo', target: null, fund: null, url: 'https://pay.example/?ref={reference}' }, { slug: 'demo', target: 'École', fund: null, url: null }, { slug: 'demo', target: null, fund: 'scholarships', url: 'https://pay.example/' }],
  'cli.paymentSecret.rotated': [{ slug: 'demo', secret: 'whsec_abc', previousKeptUntil: null }, { slug: 'demo', secret: 'whsec_abc', previousKeptUntil: '2026-12-03T09:00:00.000Z' }],
  'cli.mailBranding.set': [{ slug: 'demo', name: 'Université de Démonstration', primaryColor: '#1f3a93', textColor: '#1a1a1a', backgroundColor: '#f5f5f5' }],
  'cli.mailBranding.unchanged': [{ slug: 'demo' }],
  'cli.mailPages.set': [{ slug: 'demo', pages: [{ action: 'profile', page: 'https://www.demo.test/mon-compte' }], without: ['consents', 'offers', 'pledges', 'company'] }, { slug: 'demo', pages: [], without: ['profile', 'consents', 'offers', 'pledges', 'company'] }],
  'cli.mailPages.unchanged': [{ slug: 'demo' }],
  'cli.command.unknown': [{ command: 'tenants' }],
  'cli.command.misused': [{ command: 'tenant' }],
  'cli.option.invalid': [{ option: '--kdi', command: 'tenant' }, { option: '--x', command: null }],
  'cli.failed': [{ command: 'tenant', reason: 'SQLITE_IOERR' }],
  'database.directory': [{ path: '/srv/passerelle/' }],
  'database.unwritable': [{ path: '/srv/p.db', reason: 'EACCES' }],
  'database.notDatabase': [{ path: '/etc/hosts' }],
  'database.readOnly': [{ path: '/srv/p.db' }],
  'boot.port.inUse': [{ port: 8787 }],
  'boot.port.denied': [{ port: 80 }],
  'boot.smtp.unreachable': [{ server: 'mail.example.org:587', reason: 'ECONNREFUSED' }],
  'boot.smtp.refused': [{ server: 'mail.example.org:587', reason: 'EAUTH' }],
  'boot.failed': [{ reason: 'EIO' }],
  'cli.import.summary': [summary, { ...summary, kind: 'companies', dryRun: true, separator: '\t', ignored: [], oneColumn: ',' }],
  'import.mapping.unreadable': [{ file: 'mapping.json' }],
  'import.mapping.notJson': [{ file: 'mapping.json' }],
  'import.mapping.option': [{ error: { ...yearError, path: '' } }],
  'import.mapping.invalid': [{ errors: [{ ...yearError, path: 'Nom' }] }],
  'import.mapping.twoColumns': [{ field: 'email', first: 'Mail', second: 'Courriel' }],
  'import.mapping.missingColumns': [{ missing: ['Promo'], headers: ['Nom', 'Prénom'] }, { missing: ['Promo', 'Mail'], headers: ['Nom'] }],
  'import.mapping.noColumn': [{ fields: ['name', 'siret'] }],
  'import.file.unreadable': [{ path: 'base.csv' }],
  'import.file.unclosedQuote': [{ path: 'base.csv', line: 4 }],
  'import.file.empty': [{ path: 'base.csv' }],
  'import.entity.unknownOption': [{ entity: 'Nowhere' }],
  'import.row.invalid': [{ errors: [yearError] }],
  'import.person.entityUnknown': [{ entity: 'Nowhere' }],
  'import.person.sameNameYear': [{ others: ['p1', 'p2'] }],
  'import.person.emailTaken': [{ email: 'a@example.org', other: 'p1' }],
  'import.person.emailOfAnother': [{ email: 'a@example.org', theirs: 'A-1', given: 'A-2' }],
  'import.company.possibleDuplicate': [{ twins: [{ name: 'Globex', city: 'Lyon', id: 'c1' }, { name: 'Globex', city: null, id: 'c2' }] }],
  'cli.backup.written': [{ database: 'data/passerelle.db', copy: database }],
  'cli.backup.restored': [{ path: 'b.db', into: database, previous: 'a.db.before-restore' }, { path: 'b.db', into: { ...database, bytes: 2048 }, previous: null }],
  'backup.noDatabase': [{ path: 'a.db', databaseUrl: true }, { path: 'a.db', databaseUrl: false }],
  'backup.unopenable': [{ path: 'a.db', reason: 'SQLITE_NOTADB' }],
  'backup.notPasserelle': [{ path: 'a.db' }],
  'backup.exists': [{ path: 'a.db' }],
  'backup.noFolder': [{ path: '/nowhere' }],
  'backup.integrity': [{ path: 'a.db', integrity: 'malformed' }],
  'backup.target.unopenable': [{ path: 'a.db', reason: 'EACCES' }],
  'backup.target.inUse': [{ path: 'a.db' }],
  'backup.target.unreadable': [{ path: 'a.db', reason: 'EIO' }],
  'cli.copy.done': [{ from: '/srv/p.db', to: 'postgres://passerelle@db/passerelle', tables: { people: 12, profiles: 7, audit_log: 0 } }],
  'copy.target.notPostgres': [{ target: '/srv/other.db' }],
  'copy.target.notEmpty': [{ target: 'postgres://passerelle@db/passerelle', table: 'institutions' }],
  'copy.mismatch': [{ table: 'people', source: 12, target: 11 }],
  'mail.signIn.body': [{ code: '123456', minutes: 15 }],
  'mail.signIn.longCode': [{ hours: 24 }],
  'mail.addressCode.body': [{ code: '123456', minutes: 15 }],
  'mail.paused.body': [{ code: 'K7QF-M2XP-9DHR', minutes: 15, hours: 24 }],
};

function everyMessage(): StaffMessage[] {
  return staffMessageCodes.flatMap((code) => ((samples as Partial<Record<StaffCode, object[]>>)[code] ?? [{}]).map((params) => ({ code, params }) as StaffMessage));
}
const say = (catalogue: StaffCatalogue, m: StaffMessage) => (catalogue[m.code] as (params: unknown) => string)(m.params);

/** Words that give away an English sentence in French (the usage's command names and field names aside). */
const englishWords = [' the ', 'The ', ' is ', ' are ', ' you ', ' your ', ' and ', ' must ', ' cannot ', ' with ', ' this ', 'Usage', 'Imported', 'lines', 'created', 'rejected', 'column', 'Rows'];

describe('the staff catalogues', () => {
  it('have French and English words for every staff code, and nothing else', () => {
    for (const [language, catalogue] of [['fr', fr], ['en', en]] as const) {
      expect(staffMessageCodes.filter((code) => typeof catalogue[code] !== 'function'), `codes without ${language} words`).toEqual([]);
      expect(Object.keys(catalogue).filter((key) => !(key in staffCodes)), `${language} words without a code`).toEqual([]);
    }
  });

  it('say something for every code and every sample, in both languages, and French without English', () => {
    for (const m of everyMessage()) {
      for (const catalogue of [fr, en]) {
        const text = say(catalogue, m);
        expect(text.trim().length, m.code).toBeGreaterThan(0);
        expect(text, m.code).not.toMatch(/undefined|NaN|\[object Object\]/);
      }
      const french = say(fr, m);
      expect(englishWords.filter((w) => french.includes(w)), `${m.code}: ${french}`).toEqual([]);
    }
  });

  it('word field errors by their code, in either language, with their path', () => {
    const error: FieldIssue = { path: 'alg', code: 'validation.notOneOf', params: { options: ['HS256', 'EdDSA'] } };
    expect(staffWords('fr', { code: 'cli.input.invalid', params: { errors: [error] } })).toBe('alg : Choisissez « HS256 » ou « EdDSA ».');
    expect(staffWords('en', { code: 'import.row.invalid', params: { errors: [error] } })).toMatch(/^alg: .*HS256.* or .*EdDSA/);
    expect(staffWords('en', { code: 'cli.input.invalid', params: { errors: [{ ...error, path: '' }] } })).toMatch(/^value: /);
  });

  it('align the tenant lists in columns, and never print a key itself', () => {
    expect(sayIn('en')('cli.tenant.list', samples['cli.tenant.list'][0]!).split('\n')).toEqual([
      'slug   name                         origins  keys',
      'demo   Université de démonstration  2        1',
      'other  Autre                        0        0',
    ]);
    expect(sayIn('fr')('cli.tenant.keys', samples['cli.tenant.keys'][0]!).split('\n')).toEqual([
      'kid      alg    ajoutée           révoquée',
      '2026-01  HS256  2026-01-02 03:04  —',
      '2025-01  EdDSA  2025-01-02 03:04  2026-01-02 03:04',
    ]);
  });

  it('say a summary in the language asked for', () => {
    expect(sayIn('fr')('cli.import.summary', summary)).toContain('Import des personnes : 2 lignes en 0,4 s');
    expect(sayIn('en')('cli.import.summary', summary)).toContain('Imported people: 2 lines in 0.4 s');
    expect(sayIn('fr')('cli.backup.written', { database: 'x.db', copy: database })).toContain('(3,2 Mio), intégrité ok');
  });
});

describe('the staff catalogue stays on the server', () => {
  it('no element imports it (the elements fetch the main catalogues only)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = new URL('../../../../elements/src/', import.meta.url).pathname;
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => readFileSync(join(root, f), 'utf8').includes('messages/staff'))).toEqual([]);
  });
});
