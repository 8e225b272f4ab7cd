import { applyLang, currentLang, initialLang, type Lang } from './lang.ts';
import { getIdentityToken, hostSession, switchPerson, type HostSession } from './host-session.ts';
import { defineUsedComponents } from './components.ts';

/** What the demo expects of `<passerelle-portal>`; only the documented properties are set. */
interface PortalLike extends HTMLElement {
  getIdentityToken?: (() => Promise<string>) | undefined;
  signOut?: () => unknown;
  auth?: { state: { status: string } } | null;
}

applyLang(initialLang());

function wireLanguageSwitch(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.addEventListener('click', () => {
      const lang = button.dataset.lang as Lang;
      if (lang === currentLang()) return;
      applyLang(lang);
      document.dispatchEvent(new CustomEvent('demo-lang-change', { detail: { lang } }));
    });
  }
}

function wireSwitcher(session: HostSession): void {
  const form = document.querySelector<HTMLFormElement>('form.switcher');
  const select = document.querySelector<HTMLSelectElement>('#host-person');
  if (!form || !select) return;
  select.value = session.person?.sub ?? session.anonymous;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      // Leave Passerelle first, as a real site's logout would, so the next person starts with a fresh session.
      for (const portal of document.querySelectorAll<PortalLike>('passerelle-portal')) {
        try {
          await portal.signOut?.();
        } catch {
          // The session may already be gone; the switch goes on.
        }
      }
      await switchPerson(select.value);
      location.reload();
    })();
  });
}

/**
 * Mirrors each portal's state on the element (`data-signed-in`) for the
 * stylesheet: a portal around several panels shows them only to someone
 * signed in, since their components have nothing to show before.
 */
function markSignedInPortals(): () => void {
  const portals = [...document.querySelectorAll<PortalLike>('passerelle-portal')];
  const sync = (portal: PortalLike) => portal.toggleAttribute('data-signed-in', portal.auth?.state.status === 'signed-in');
  for (const portal of portals) {
    portal.addEventListener('passerelle-signed-in', () => sync(portal));
    portal.addEventListener('passerelle-signed-out', () => sync(portal));
  }
  return () => portals.forEach(sync);
}

function showWhoIsSignedIn(session: HostSession): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-host-person]')) {
    el.textContent = session.person ? session.person.name : '';
  }
  document.documentElement.dataset.hostSignedIn = String(session.person !== null);
}

/** The institution's own forms on the demo pages (an event sign-up): nowhere to send them, so they say they were received. */
function wireHostForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-host-form]')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const status = form.querySelector<HTMLElement>('[data-host-form-status]');
      if (status) status.textContent = currentLang() === 'fr' ? 'Inscription reçue.' : 'Sign-up received.';
    });
  }
}

async function main(): Promise<void> {
  wireLanguageSwitch();
  wireHostForms();
  // Listening before the components load, so a sign-in that completes meanwhile is seen.
  const syncPortals = markSignedInPortals();
  let session: HostSession | null = null;
  try {
    session = await hostSession();
  } catch (err) {
    console.warn('[demo]', err);
  }
  if (session) {
    wireSwitcher(session);
    showWhoIsSignedIn(session);
  }
  // Before the portal is defined, so its first render already knows how to sign in.
  if (session?.person) {
    for (const portal of document.querySelectorAll<PortalLike>('passerelle-portal')) portal.getIdentityToken = getIdentityToken;
  }
  const { missing } = await defineUsedComponents();
  syncPortals();
  document.documentElement.dataset.demoReady = 'true';
  if (missing.length) console.info(`[demo] not available yet: ${missing.map((t) => `<${t}>`).join(', ')}`);
}

void main();
