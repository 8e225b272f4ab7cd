import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, decodeCsv, parseCsv, parseCsvRecords, readCsv, sniffDelimiter } from './parse.ts';

const win1252 = (s: string) => Uint8Array.from([...s].map((ch) => ({ é: 0xe9, è: 0xe8, ç: 0xe7, É: 0xc9, '€': 0x80 })[ch] ?? ch.charCodeAt(0)));

describe('CSV decoding', () => {
  it('reads UTF-8 with or without a BOM, and falls back to Windows-1252', () => {
    const utf8 = new TextEncoder().encode('Nom;Prénom\n');
    expect(decodeCsv(utf8)).toEqual({ text: 'Nom;Prénom\n', encoding: 'utf-8' });
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text: 'Nom;Prénom\n', encoding: 'utf-8' });
    expect(decodeCsv(win1252('Nom;Prénom;Élève;€\n'))).toEqual({ text: 'Nom;Prénom;Élève;€\n', encoding: 'windows-1252' });
  });

  it('decodes with the encoding it is told to use', () => {
    expect(decodeCsv(new TextEncoder().encode('é'), 'windows-1252').text).toBe('Ã©');
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'windows-1252').text).toBe('a');
  });
});

describe('CSV separator', () => {
  it('takes the most frequent separator of the header line, outside quotes', () => {
    expect(sniffDelimiter('Nom;Prénom;Promo\n1,2,3,4,5')).toBe(';');
    expect(sniffDelimiter('name,"a;b;c",city')).toBe(',');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('single')).toBe(';');
    expect(sniffDelimiter('\r\n\r\na,b')).toBe(',');
  });
});

describe('CSV records', () => {
  it('handles quotes, doubled quotes and CRLF', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n1,2,3\r\n', ',')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps embedded newlines and gives the physical line where each record starts', () => {
    const text = 'a;b\n\n"multi\nline";x\r\n"one\r\ntwo\rthree";y\n;\nlast;"z"';
    expect(parseCsvRecords(text, ';')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['multi\nline', 'x'] },
      { line: 5, cells: ['one\r\ntwo\rthree', 'y'] },
      { line: 9, cells: ['last', 'z'] },
    ]);
  });

  it('keeps empty cells and a trailing separator', () => {
    expect(parseCsv('a;;c;\n', ';')).toEqual([['a', '', 'c', '']]);
  });

  it('refuses a quote that never closes, naming its line', () => {
    expect(() => parseCsvRecords('a;b\nc;"open\n\n', ';')).toThrow(new CsvSyntaxError(2));
  });

  it('reads a whole file: decoding, separator, header', () => {
    const file = readCsv(win1252('\uFEFFNom;Ville\r\nDupré;"Besançon"\r\n'.replace('\uFEFF', '')));
    expect(file).toMatchObject({ encoding: 'windows-1252', delimiter: ';', header: { line: 1, cells: ['Nom', 'Ville'] }, records: [{ line: 2, cells: ['Dupré', 'Besançon'] }] });
    expect(readCsv(new Uint8Array(), {}).header).toBeUndefined();
    expect(readCsv(new TextEncoder().encode('a;b,c'), { delimiter: ',' }).header?.cells).toEqual(['a;b', 'c']);
  });
});
