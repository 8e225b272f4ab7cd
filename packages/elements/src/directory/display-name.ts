import type { ProfileView } from '@passerelle/schema';

/** The name as the reader may see it: given name and the name in use, the birth name after it when both show. */
export function displayName(p: ProfileView): string | null {
  const main = [p.givenName, p.usageName || p.familyName].filter(Boolean).join(' ');
  if (!main) return null;
  return p.usageName && p.familyName && p.usageName !== p.familyName ? `${main} (${p.familyName})` : main;
}
