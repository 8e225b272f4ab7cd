import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadInternshipParameters } from './internship.ts';
import { ConfigError } from '../env.ts';

describe('internship parameters', () => {
  it('reads the shipped file: 4.35 € in 2025, 4.50 € in 2026', () => {
    const p = loadInternshipParameters();
    expect(p.minimumHourlyStipendCents).toMatchObject({ '2025': 435, '2026': 450 });
  });

  it('refuses a bad file with a message naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'internship-'));
    const file = join(dir, 'internship.json');
    writeFileSync(file, JSON.stringify({ minimumHourlyStipendCents: { '2026': 4.5 }, maxInternshipMonths: 6, stipendThresholdHours: 308, maxExpiryDays: 365 }));
    expect(() => loadInternshipParameters(file)).toThrow(ConfigError);
    expect(() => loadInternshipParameters(file)).toThrow(/minimumHourlyStipendCents\.2026: Enter a whole number\./);
    expect(() => loadInternshipParameters(join(dir, 'missing.json'))).toThrow(/Cannot read the internship parameters/);
  });
});
