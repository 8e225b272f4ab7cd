import type { OfferKind, RemotePolicy } from '@passerelle/schema';

/**
 * The offers' vocabulary, one wording for every offer component: the author
 * (offer-form) and the reviewer (offer-moderation) must read the same names
 * for a contract, a remote-work policy and a duration unit. Spread into each
 * component's own `fr` / `en`.
 */
export const fr = {
  kinds: {
    internship: 'Stage',
    apprenticeship: 'Apprentissage',
    fixed_term: 'CDD',
    permanent: 'CDI',
    international_volunteering: 'VIE (volontariat international)',
  } satisfies Record<OfferKind, string>,
  remotes: { onsite: 'Sur site', hybrid: 'Hybride', remote: 'À distance' } satisfies Record<RemotePolicy, string>,
  units: { months: 'mois', weeks: 'semaines' },
};
