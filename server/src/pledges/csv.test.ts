import { describe, expect, it } from 'vitest';
import { parseDate, parseEuros, parseTransferReport } from './csv.ts';

describe('transfer report parsing', () => {
  it('reads euros as French and English spreadsheets write them', () => {
    expect(parseEuros('1 234,56')).toBe(123456);
    expect(parseEuros('1\u202f234,5 €')).toBe(123450);
    expect(parseEuros('1,234.56')).toBe(123456);
    expect(parseEuros('1.234,56')).toBe(123456);
    expect(parseEuros('1234.56')).toBe(123456);
    expect(parseEuros('10')).toBe(1000);
    // A dot before three digits is a French thousands separator.
    expect(parseEuros('10.555')).toBe(1055500);
    for (const bad of ['', '-5', '1,2,3', 'abc', '10.5555']) expect(parseEuros(bad), bad).toBeNull();
  });

  it('reads ISO and French dates, refusing impossible ones', () => {
    expect(parseDate('2026-06-15')).toBe('2026-06-15');
    expect(parseDate('15/06/2026')).toBe('2026-06-15');
    expect(parseDate('31/02/2026')).toBeNull();
    expect(parseDate('June 15')).toBeNull();
  });

  it('finds the columns by name in any order, and reports bad lines by number only', () => {
    const r = parseTransferReport('Date\tMontant\tUAI\tSIRET\n2026-06-15\t100\t0754321P\t81234567600017\n2026-06-15\t100\t0754321X\t81234567600017\n');
    expect('lines' in r && r.lines).toEqual([{ line: 2, siret: '81234567600017', uai: '0754321P', amountCents: 10000, date: '2026-06-15' }]);
    expect('invalid' in r && r.invalid).toEqual([{ line: 3, said: { code: 'pledge.report.line.uai', params: {} } }]);
    expect(parseTransferReport('foo;bar\n1;2')).toEqual({ error: { code: 'pledge.report.columns', params: { missing: ['siret', 'uai', 'amount', 'date'] } } });
    expect(parseTransferReport('SIRET;UAI;montant;date\n"81234567600017;0754321P;100;2026-06-15\n')).toEqual({ error: { code: 'pledge.report.unreadable', params: { line: 2 } } });
  });
});
