import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { InternshipParametersSchema, type InternshipParameters } from '@passerelle/schema';
import { ConfigError } from '../env.ts';

/** The file read when `PASSERELLE_INTERNSHIP_CONFIG` is not set. */
export const DEFAULT_INTERNSHIP_CONFIG = resolve(dirname(fileURLToPath(import.meta.url)), '../../config/internship.json');

/**
 * Reads and validates the yearly internship parameters (legal minimum hourly
 * stipend by year, and the limits). A missing or invalid file is a
 * `ConfigError` naming the file and every bad field, so the server does not boot.
 */
export function loadInternshipParameters(path = process.env.PASSERELLE_INTERNSHIP_CONFIG || DEFAULT_INTERNSHIP_CONFIG): InternshipParameters {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Cannot read the internship parameters at ${path}: ${(error as Error).message}`);
  }
  const result = v.safeParse(InternshipParametersSchema, raw);
  if (!result.success) {
    const lines = result.issues.map((i) => `  ${v.getDotPath(i) ?? '(file)'}: ${i.message}`);
    throw new ConfigError(`Invalid internship parameters in ${path}:\n${lines.join('\n')}`);
  }
  return result.output;
}

let cached: InternshipParameters | undefined;

/** The parameters of this process, read once (at boot, when the offers routes load). */
export function internshipParameters(): InternshipParameters {
  cached ??= loadInternshipParameters();
  return cached;
}
