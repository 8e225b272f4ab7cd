import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ConfigError, parseConfig, testConfig } from '../env.ts';
import { testApp } from '../testing.ts';
import { DEFAULT_PLEDGES_CONFIG } from './pledges.ts';
import { loadParameters } from './parameters.ts';

const pledgeFile = (change: (config: { funds: { code: string; label: { fr: string; en: string } }[] }) => void) => {
  const file = join(mkdtempSync(join(tmpdir(), 'parameters-')), 'pledges.json');
  const config = JSON.parse(readFileSync(DEFAULT_PLEDGES_CONFIG, 'utf8')) as Parameters<typeof change>[0];
  change(config);
  writeFileSync(file, JSON.stringify(config));
  return file;
};

describe('the yearly parameters', () => {
  it('are read with the environment: the files it names, else the committed ones', () => {
    const file = pledgeFile((c) => (c.funds = [{ code: 'labs', label: { fr: 'Laboratoires', en: 'Laboratories' } }]));
    expect(parseConfig({ PASSERELLE_PLEDGES_CONFIG: file }).parameters.pledges.funds.map((f) => f.code)).toEqual(['labs']);
    expect(loadParameters({}).pledges.funds.map((f) => f.code)).toEqual(testConfig().parameters.pledges.funds.map((f) => f.code));
  });

  it('stop the boot when a file is wrong, naming it', () => {
    const file = pledgeFile((c) => (c.funds = [{ code: 'Not A Code', label: { fr: 'x', en: 'x' } }]));
    expect(() => parseConfig({ PASSERELLE_PLEDGES_CONFIG: file })).toThrow(ConfigError);
    expect(() => parseConfig({ PASSERELLE_PLEDGES_CONFIG: file })).toThrow(file);
    expect(() => parseConfig({ PASSERELLE_INTERNSHIP_CONFIG: '/nonexistent/internship.json' })).toThrow(/Cannot read the internship parameters at \/nonexistent\/internship.json/);
  });

  it('reach the routes through createApp, so that a test gives its own', async () => {
    const base = testConfig().parameters;
    const t = testApp({ config: { parameters: { ...base, pledges: { ...base.pledges, funds: [{ code: 'labs', label: { fr: 'Laboratoires', en: 'Laboratories' } }] } } } });
    const token = await t.signIn('alumna-claire');
    const res = await t.call('GET', '/v1/pledges/parameters', { token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { funds: { code: string }[] }).funds.map((f) => f.code)).toEqual(['labs']);
    // A fund of the committed file that this app was not given is refused.
    const refused = await t.call('POST', '/v1/pledges', {
      token,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: { kind: 'donation', amountCents: 5000, frequency: 'once', publicThanks: false, designation: { kind: 'fund', fund: base.pledges.funds[0]!.code }, donor: { kind: 'individual', fullName: 'Claire Dubois', address: { line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' } } },
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: [{ path: 'designation.fund', code: 'pledge.designation.fund' }] });
  });
});
