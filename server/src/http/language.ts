/**
 * The language of the words a request gets back (problem details, field
 * errors): `Accept-Language` when it names French or English (q-values
 * honoured), else the signed-in person's preferred language, else French.
 */
import type { Context } from 'hono';
import type { Language } from '@passerelle/schema/messages';
import type { AppEnv, Auth } from '../context.ts';
import { preferredLanguageOf } from '../profiles/queries/language.ts';

const spoken: readonly Language[] = ['fr', 'en'];

/**
 * The language of ours the header prefers: `en-GB,en;q=0.9,fr;q=0.8` → `en`,
 * `de, fr;q=0.5` → `fr`; undefined when it names neither (or only `*`).
 * Equal q-values keep the header's order.
 */
export function fromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  let best: { language: Language; q: number } | undefined;
  for (const part of header.split(',').slice(0, 32)) {
    const [range = '', ...options] = part.trim().split(';');
    const base = range.trim().toLowerCase().split('-')[0] as Language;
    if (!spoken.includes(base)) continue;
    const qOption = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
    const q = qOption === undefined ? 1 : Number(qOption.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (!best || q > best.q) best = { language: base, q };
  }
  return best?.language;
}

/** The request's language: what it asked for, else what its signed-in person chose, else French. */
export async function requestLanguage(c: Context): Promise<Language> {
  const asked = fromAcceptLanguage(c.req.header('accept-language'));
  if (asked) return asked;
  // Set only by requireAuth, once the session is known; absent before it and on public routes.
  const auth = (c as Context<AppEnv>).get('auth') as Auth | undefined;
  const deps = (c as Context<AppEnv>).get('deps') as AppEnv['Variables']['deps'] | undefined;
  if (auth && deps) {
    try {
      const preferred = await preferredLanguageOf(deps.db, auth.actor.tenantId, auth.actor.personId);
      if (preferred) return preferred;
    } catch {
      // The database may be the very reason of the problem being answered: French, then.
    }
  }
  return 'fr';
}
