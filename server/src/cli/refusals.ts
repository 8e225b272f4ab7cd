import type { Say } from '@passerelle/schema/messages/staff';
import { CliInputError } from './tenant.ts';

/** A parseArgs refusal (unknown option, option without its value…) in one sentence of the CLI's words; any other error as it is. */
export function optionRefused(say: Say, err: unknown, command: string | null): unknown {
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return err;
  const option = String(message).match(/'(-[^' ]+)/)?.[1] ?? String(message).match(/'([^']+)'/)?.[1] ?? '';
  return new CliInputError(say('cli.option.invalid', { option, command }));
}
