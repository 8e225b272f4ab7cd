import type { frLink } from './translations.link.ts';

/** English words of what src/portal/link.ts draws (dist/en/portal.js, fetched when the portal speaks English on such a page). */
export const enLink = {
  title: 'Sign-in link',
  resend: 'Send me a fresh link',
  sent: (address: string) => `A fresh link is on its way to ${address}. It signs you in once, within 7 days.`,
} satisfies typeof frLink;
