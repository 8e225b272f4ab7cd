/**
 * What the README's "Running in production" gives an operator, read from the
 * README itself so that the test starts the server as the README says: the
 * systemd unit and the env file.
 */
import { readFileSync } from 'node:fs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The text of the README's fenced block whose content includes `marker`. */
function block(marker: string): string {
  const found = [...readme.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '').filter((text) => text.includes(marker));
  if (found.length !== 1) throw new Error(`The README has ${found.length} blocks with ${marker}; the test reads exactly one.`);
  return found[0]!;
}

export interface Unit {
  workingDirectory: string;
  environmentFile: string;
  /** ExecStart split on spaces (the README's has no quoted argument). */
  execStart: string[];
}

export function readmeUnit(): Unit {
  const text = block('[Service]');
  const setting = (name: string) => {
    const value = text.match(new RegExp(`^${name}=(.+)$`, 'm'))?.[1];
    if (!value) throw new Error(`The README's unit has no ${name}=.`);
    return value.trim();
  };
  return { workingDirectory: setting('WorkingDirectory'), environmentFile: setting('EnvironmentFile'), execStart: setting('ExecStart').split(/\s+/) };
}

const ENV_FILE = '/etc/passerelle/passerelle.env';

/** The README's env file, with some variables set to other values (`undefined`: the line is left out). */
export function readmeEnvFile(changes: Record<string, string | undefined>): string {
  if (readmeUnit().environmentFile !== ENV_FILE) throw new Error(`The README's unit reads another env file than ${ENV_FILE}.`);
  const lines = block(`# ${ENV_FILE}`).split('\n');
  const kept = lines.filter((line) => !(line.split('=')[0]! in changes));
  const set = Object.entries(changes).flatMap(([name, value]) => (value === undefined ? [] : [`${name}=${value}`]));
  return [...kept.filter((l) => l !== ''), ...set, ''].join('\n');
}

/** A file in systemd's EnvironmentFile format (`NAME=value` lines, `#` comments), as systemd reads it. */
export function readEnvFile(path: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = line.match(/^([A-Z_][A-Z0-9_]*)=(.*)$/);
    if (m) env[m[1]!] = m[2]!;
  }
  return env;
}
