import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DEFAULT_PLEDGES_CONFIG, loadPledgeConfig } from './pledges.ts';
import { ConfigError } from '../env.ts';

describe('pledge parameters', () => {
  it('reads the shipped file: 66 % for individuals, 60/40 % for companies since 2020', () => {
    const p = loadPledgeConfig();
    const latest = p.taxReduction.at(-1);
    expect(latest?.individual.ratePercent).toBe(66);
    expect(latest?.company).toMatchObject({ ratePercent: 60, reducedRatePercent: 40, reducedRateAboveCents: 200_000_000, ceilingFloorCents: 2_000_000 });
  });

  it('refuses a bad file with a message naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pledges-'));
    const file = join(dir, 'pledges.json');
    const good = JSON.parse(readFileSync(DEFAULT_PLEDGES_CONFIG, 'utf8')) as { taxReduction: { validFrom: string }[] };
    good.taxReduction[0]!.validFrom = '2019-13-45';
    writeFileSync(file, JSON.stringify(good));
    expect(() => loadPledgeConfig(file)).toThrow(ConfigError);
    expect(() => loadPledgeConfig(file)).toThrow(/taxReduction\.0\.validFrom/);
    expect(() => loadPledgeConfig(join(dir, 'missing.json'))).toThrow(/Cannot read the pledge parameters/);
  });
});
