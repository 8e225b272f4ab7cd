/**
 * The language of the CLI's words: `PASSERELLE_LANG` (fr or en), else the
 * POSIX locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: the first one set
 * decides; `fr…` → French, `en…` → English), else French, the product's
 * language. Machine-readable output (`--json`) and exit codes do not depend on it.
 */
import type { Language } from '@passerelle/schema/messages';

export function cliLanguage(env: Record<string, string | undefined>): Language {
  const chosen = env.PASSERELLE_LANG?.trim().toLowerCase();
  if (chosen === 'fr' || chosen === 'en') return chosen;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value.trim() !== '')?.trim().toLowerCase();
  return locale?.startsWith('en') ? 'en' : 'fr';
}
