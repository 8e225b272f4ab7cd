import type { Plugin } from 'vite';
import { ANONYMOUS, HOST_PEOPLE } from './people.ts';

/** Text in both languages; the stylesheet shows the one matching `<html lang>`. */
export const t = (fr: string, en: string): string => `<span class="l" lang="fr">${fr}</span><span class="l" lang="en">${en}</span>`;

export const PAGES = [
  { file: 'index.html', fr: 'Accueil', en: 'Home' },
  { file: 'profile.html', fr: 'Mon profil', en: 'My profile' },
  { file: 'offers.html', fr: 'Stages et alternance', en: 'Internships' },
  { file: 'directory.html', fr: 'Annuaire', en: 'Directory' },
  { file: 'company.html', fr: 'Espace entreprise', en: 'Company space' },
  { file: 'moderation.html', fr: 'Modération', en: 'Moderation' },
  { file: 'staff.html', fr: 'Bureau du personnel', en: 'Staff desk' },
  { file: 'pledge.html', fr: 'Soutenir', en: 'Give' },
  { file: 'consents.html', fr: 'Mes consentements', en: 'My consents' },
  { file: 'outbox.html', fr: 'Courriels (dev)', en: 'Emails (dev)' },
] as const;

const logo = `<svg class="brand-mark" viewBox="0 0 48 48" width="44" height="44" aria-hidden="true" focusable="false">
  <rect width="48" height="48" rx="6" fill="currentColor"/>
  <path d="M10 34h28M13 31V20M19 31V20M29 31V20M35 31V20M9 18 24 10l15 8z" stroke="#fff" stroke-width="2.4" fill="none" stroke-linejoin="round"/>
</svg>`;

function header(page: string): string {
  const nav = PAGES.map((p) => {
    const current = p.file === page ? ' aria-current="page"' : '';
    const href = p.file === 'index.html' ? '/' : `/${p.file}`;
    return `<li><a href="${href}"${current}>${t(p.fr, p.en)}</a></li>`;
  }).join('');
  const options = [
    `<option value="${ANONYMOUS}" data-fr="Non connecté·e (code par courriel)" data-en="Not signed in (email code)">Non connecté·e (code par courriel)</option>`,
    ...HOST_PEOPLE.map((p) => `<option value="${p.sub}" data-fr="${p.name} — ${p.label.fr}" data-en="${p.name} — ${p.label.en}">${p.name} — ${p.label.fr}</option>`),
  ].join('');
  return `<a class="skip-link" href="#main">${t('Aller au contenu', 'Skip to content')}</a>
<header class="site-header">
  <div class="topbar">
    <div class="wrap topbar-inner">
      <form class="switcher" method="post" action="/host/switch?back=/${page === 'index.html' ? '' : page}" aria-label="Démonstration : changer de personne" data-fr-label="Démonstration : changer de personne" data-en-label="Demonstration: switch person">
        <label for="host-person">${t('Connecté·e sur le site de l’université en tant que', 'Signed in on the university site as')}</label>
        <select id="host-person" name="sub">${options}</select>
        <button type="submit">${t('Changer', 'Switch')}</button>
      </form>
      <div class="langs" role="group" aria-label="Langue / Language">
        <button type="button" data-lang="fr" lang="fr" aria-pressed="true">FR<span class="visually-hidden"> — Français</span></button>
        <button type="button" data-lang="en" lang="en" aria-pressed="false">EN<span class="visually-hidden"> — English</span></button>
      </div>
    </div>
  </div>
  <div class="wrap brand-row">
    <a class="brand" href="/">${logo}<span class="brand-name">Université de Démonstration</span></a>
    <p class="brand-tagline">${t('Former, chercher, transmettre — depuis 1898', 'Teaching, research, sharing — since 1898')}</p>
  </div>
  <nav class="site-nav" aria-label="Navigation principale" data-fr-label="Navigation principale" data-en-label="Main navigation">
    <ul class="wrap">${nav}</ul>
  </nav>
</header>`;
}

function footer(): string {
  return `<footer class="site-footer">
  <div class="wrap footer-inner">
    <div>
      <p class="footer-title">Université de Démonstration</p>
      <p>${t('1 place de la République, 75000 Paris (adresse fictive)', '1 place de la République, 75000 Paris (fictitious address)')}</p>
    </div>
    <div>
      <p class="footer-title">${t('À propos de cette démonstration', 'About this demonstration')}</p>
      <p>${t(
        'Un site d’établissement fictif qui intègre les composants <strong>Passerelle</strong>. Les personnes et les entreprises sont inventées.',
        'A fictitious institution’s website embedding the <strong>Passerelle</strong> components. People and companies are made up.',
      )}</p>
    </div>
    <ul class="footer-links">
      <li><a href="/consents.html">${t('Données personnelles', 'Personal data')}</a></li>
      <li><a href="/outbox.html">${t('Courriels envoyés (développement)', 'Sent emails (development)')}</a></li>
    </ul>
  </div>
</footer>`;
}

/**
 * Puts the shared header and footer into every page and writes the API's
 * address where the pages say `%PASSERELLE_API%`. The address comes from the
 * `__PASSERELLE_API__` define, so the test harness can point the site at its
 * own API.
 */
export function siteLayout(): Plugin {
  let api = 'http://localhost:8787';
  return {
    name: 'demo-site-layout',
    configResolved(config) {
      const value = config.define?.__PASSERELLE_API__;
      if (typeof value === 'string') api = JSON.parse(value) as string;
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        const page = ctx.path.replace(/^\//, '') || 'index.html';
        return html
          .replace('<!--site:header-->', header(page))
          .replace('<!--site:footer-->', footer())
          .replaceAll('%PASSERELLE_API%', api);
      },
    },
  };
}
