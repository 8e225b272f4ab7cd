import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, zip } from './zip.ts';

/** Python's zipfile is a reader we did not write: it checks signatures, offsets and CRCs. */
function python(script: string, file: string): string {
  return execFileSync('python3', ['-c', script, file], { encoding: 'utf8' });
}

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes an archive that another tool lists and extracts intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-zip-'));
    const file = join(dir, 'export.zip');
    const csv = 'name,city\r\n"Inès Martin",Lyon\r\n';
    writeFileSync(file, zip([{ name: 'person.csv', data: csv }, { name: 'consents/événements.csv', data: 'a,b\r\n' }, { name: 'empty.csv', data: '' }], new Date('2026-03-02T09:00:00Z')));
    const listing = execFileSync('python3', ['-m', 'zipfile', '-l', file], { encoding: 'utf8' });
    expect(listing).toContain('person.csv');
    expect(listing).toContain('consents/événements.csv');
    expect(listing).toContain('2026-03-02 09:00:00');
    // testzip() re-reads every entry and returns the first with a bad CRC, or None.
    expect(python('import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())', file).trim()).toBe('None');
    expect(python('import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("person.csv"))', file)).toBe(csv);
  });
});
