import { InternshipParametersSchema, type InternshipParameters } from '@passerelle/schema';
import { configFile, loadParameterFile } from './parameter-file.ts';

/** The file read when `PASSERELLE_INTERNSHIP_CONFIG` is not set. */
export const DEFAULT_INTERNSHIP_CONFIG = configFile('internship.json');

/**
 * Reads and validates the yearly internship parameters (legal minimum hourly
 * stipend by year, and the limits).
 */
export function loadInternshipParameters(path = DEFAULT_INTERNSHIP_CONFIG): InternshipParameters {
  return loadParameterFile(path, InternshipParametersSchema, 'internship parameters');
}
