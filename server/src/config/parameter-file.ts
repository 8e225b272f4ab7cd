import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { inWords, issueMessage } from '@passerelle/schema/messages';
import { en } from '@passerelle/schema/messages/en';
import { ConfigError } from './error.ts';
import { serverRoot } from '../paths.ts';

/** A file of `server/config/`, where the yearly parameters live by default. */
export const configFile = (name: string) => resolve(serverRoot, 'config', name);

/**
 * Reads a JSON parameter file and validates it with its shared schema. A
 * missing or invalid file is a `ConfigError` naming the file and every bad
 * field (its code in the English words of the operators' log), so the server
 * does not boot on wrong legal parameters.
 */
export function loadParameterFile<S extends v.GenericSchema>(path: string, schema: S, what: string): v.InferOutput<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Cannot read the ${what} at ${path}: ${(error as Error).message}`);
  }
  const result = v.safeParse(schema, raw);
  if (!result.success) {
    const lines = result.issues.map((i) => `  ${v.getDotPath(i) ?? '(file)'}: ${inWords(en, issueMessage(i))}`);
    throw new ConfigError(`Invalid ${what} in ${path}:\n${lines.join('\n')}`);
  }
  return result.output;
}
