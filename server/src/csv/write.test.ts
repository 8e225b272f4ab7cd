import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvEncoder, excelFr, rfc4180, toCsv } from './write.ts';

describe('csvCell', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('Acme, "Robotique"')).toBe('"Acme, ""Robotique"""');
    expect(csvCell('Lyon; Paris', ';')).toBe('"Lyon; Paris"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('a\tb', '\t')).toBe('"a\tb"');
    expect(csvCell('plain')).toBe('plain');
  });
  it('neutralises what a spreadsheet would run as a formula, strings only', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+33 6 00')).toBe("'+33 6 00");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell(-5)).toBe('-5');
  });
  it('writes nothing for null and undefined, text for booleans, JSON for objects', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});

describe('csvEncoder', () => {
  it('Excel French: BOM, semicolons, CRLF', () => {
    const e = csvEncoder(excelFr);
    expect(e.header(['id', 'nom'])).toBe(`${BOM}id;nom\r\n`);
    expect(e.line(['1', 'Éloïse; Dupont'])).toBe('1;"Éloïse; Dupont"\r\n');
  });
  it('RFC 4180: commas, no BOM', () => {
    const e = csvEncoder(rfc4180);
    expect(e.header(['a', 'b'])).toBe('a,b\r\n');
    expect(e.line([1, null])).toBe('1,\r\n');
  });
});

describe('toCsv', () => {
  it('takes every key met as the header unless columns are given', () => {
    expect(toCsv([{ a: 1 }, { b: 'x' }])).toBe('a,b\r\n1,\r\n,x\r\n');
    expect(toCsv([{ a: 1, b: 2 }], ['b'])).toBe('b\r\n2\r\n');
    expect(toCsv([{ a: 'x' }], ['a'], excelFr)).toBe(`${BOM}a\r\nx\r\n`);
  });
});
