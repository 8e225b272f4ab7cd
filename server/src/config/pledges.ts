import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { PledgeConfigSchema, type PledgeConfig } from '@passerelle/schema';
import { ConfigError } from '../env.ts';

/** The file read when `PASSERELLE_PLEDGES_CONFIG` is not set. */
export const DEFAULT_PLEDGES_CONFIG = resolve(dirname(fileURLToPath(import.meta.url)), '../../config/pledges.json');

/**
 * Reads and validates the pledge parameters (dated tax-reduction rules,
 * SOLTéA calendar, suggested amounts, funds, payment pages). A missing or
 * invalid file is a `ConfigError` naming the file and every bad field.
 */
export function loadPledgeConfig(path = process.env.PASSERELLE_PLEDGES_CONFIG || DEFAULT_PLEDGES_CONFIG): PledgeConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Cannot read the pledge parameters at ${path}: ${(error as Error).message}`);
  }
  const result = v.safeParse(PledgeConfigSchema, raw);
  if (!result.success) {
    const lines = result.issues.map((i) => `  ${v.getDotPath(i) ?? '(file)'}: ${i.message}`);
    throw new ConfigError(`Invalid pledge parameters in ${path}:\n${lines.join('\n')}`);
  }
  return result.output;
}

let cached: PledgeConfig | undefined;

/** The parameters of this process, read once (at boot, when the pledge routes load). */
export function pledgeConfig(): PledgeConfig {
  cached ??= loadPledgeConfig();
  return cached;
}
