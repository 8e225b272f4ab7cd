import { PledgeConfigSchema, type PledgeConfig } from '@passerelle/schema';
import { configFile, loadParameterFile } from './parameter-file.ts';

/** The file read when `PASSERELLE_PLEDGES_CONFIG` is not set. */
export const DEFAULT_PLEDGES_CONFIG = configFile('pledges.json');

/**
 * Reads and validates the pledge parameters (dated tax-reduction rules,
 * SOLTéA calendar, suggested amounts, funds, payment pages).
 */
export function loadPledgeConfig(path = DEFAULT_PLEDGES_CONFIG): PledgeConfig {
  return loadParameterFile(path, PledgeConfigSchema, 'pledge parameters');
}
