import { InternshipParametersSchema, type InternshipParameters } from '@passerelle/schema';
import { configFile, loadParameterFile } from './parameter-file.ts';

/** The file read when `PASSERELLE_INTERNSHIP_CONFIG` is not set. */
export const DEFAULT_INTERNSHIP_CONFIG = configFile('internship.json');

/**
 * Reads and validates the yearly internship parameters (legal minimum hourly
 * stipend by year, and the limits).
 */
export function loadInternshipParameters(path = process.env.PASSERELLE_INTERNSHIP_CONFIG || DEFAULT_INTERNSHIP_CONFIG): InternshipParameters {
  return loadParameterFile(path, InternshipParametersSchema, 'internship parameters');
}

let cached: InternshipParameters | undefined;

/** The parameters of this process, read once (at boot, when the offers routes load). */
export function internshipParameters(): InternshipParameters {
  cached ??= loadInternshipParameters();
  return cached;
}
