import { currentLang } from './lang.ts';

/**
 * The site's own list of published offers, next to `<passerelle-offer-form>`:
 * what an institution writes around the components with the session the
 * portal shares (the portal's `session.token` is a bearer token for the API).
 */
interface Offer {
  id: string;
  title: string;
  kind: string;
  company: { name: string };
  location?: string;
  remote?: string;
  startDate?: string;
  publishedAt?: string;
}

interface PortalLike extends HTMLElement {
  api?: string;
  session?: { token: string } | null;
}

const kinds: Record<string, { fr: string; en: string }> = {
  internship: { fr: 'Stage', en: 'Internship' },
  apprenticeship: { fr: 'Apprentissage', en: 'Apprenticeship' },
  fixed_term: { fr: 'CDD', en: 'Fixed-term contract' },
  permanent: { fr: 'CDI', en: 'Permanent contract' },
  international_volunteering: { fr: 'VIE', en: 'International volunteering' },
};
const remote: Record<string, { fr: string; en: string }> = {
  onsite: { fr: 'sur site', en: 'on site' },
  hybrid: { fr: 'hybride', en: 'hybrid' },
  remote: { fr: 'télétravail', en: 'remote' },
};

const list = document.querySelector<HTMLElement>('#offer-list');
const portal = list?.closest<PortalLike>('passerelle-portal') ?? null;

function message(fr: string, en: string): void {
  const p = document.createElement('p');
  p.className = 'hint';
  p.textContent = currentLang() === 'en' ? en : fr;
  list?.replaceChildren(p);
}

let offers: Offer[] | null = null;

function render(): void {
  if (!list) return;
  if (!offers) return message('Connectez-vous pour voir les offres publiées.', 'Sign in to see the published offers.');
  if (offers.length === 0) return message('Aucune offre publiée pour l’instant.', 'No offer published yet.');
  const lang = currentLang();
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const ul = document.createElement('ul');
  ul.className = 'offer-list';
  for (const offer of offers) {
    const li = document.createElement('li');
    const h3 = document.createElement('h3');
    h3.textContent = offer.title;
    const p = document.createElement('p');
    const details = [kinds[offer.kind]?.[lang] ?? offer.kind, offer.company.name, offer.location, offer.remote && remote[offer.remote]?.[lang]];
    if (offer.startDate) details.push(`${lang === 'en' ? 'from' : 'dès le'} ${date.format(new Date(offer.startDate))}`);
    p.textContent = details.filter(Boolean).join(' · ');
    li.append(h3, p);
    ul.append(li);
  }
  list.replaceChildren(ul);
}

async function load(): Promise<void> {
  const token = portal?.session?.token;
  const api = portal?.getAttribute('api');
  if (!token || !api) {
    offers = null;
    return render();
  }
  try {
    const res = await fetch(`${api}/v1/offers?limit=20`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    offers = ((await res.json()) as { items: Offer[] }).items;
    render();
  } catch {
    message('Les offres n’ont pas pu être chargées. Réessayez plus tard.', 'The offers could not be loaded. Try again later.');
  }
}

if (list && portal) {
  portal.addEventListener('passerelle-signed-in', () => void load());
  portal.addEventListener('passerelle-signed-out', () => void load());
  // A staff member's offer is published at once; anyone else's waits for moderation.
  portal.addEventListener('passerelle-saved', () => void load());
  document.addEventListener('demo-lang-change', render);
  void customElements.whenDefined('passerelle-portal').then(() => load());
}
