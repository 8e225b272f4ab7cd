// Helpers of the bundle-combination tests: load dist/ files as a host page
// does, count the copies of Lit the page holds, and catch console warnings.
import { fixture } from '@open-wc/testing';
import { apiConfig, hostToken, until, type DemoSubject } from '../testing/index.ts';

/** A URL only known at run time (a variable, so TypeScript does not resolve it). */
const load = (url: string): Promise<unknown> => import(url);

/** Loads `dist/<file>` for each file, in order, as `<script type="module">` tags would. `from` is `dist` or `dist-copy` (a second copy of the same files). */
export async function loadFiles(files: readonly string[], from: 'dist' | 'dist-copy' = 'dist'): Promise<void> {
  for (const file of files) await load(`/__passerelle/${from}/${file}`);
}

/** How many copies of lit-html have run on this page (each copy adds its version to `litHtmlVersions`). */
export const litCopies = (): number => ((globalThis as { litHtmlVersions?: string[] }).litHtmlVersions ?? []).length;

/** Runs `action`, returning what it wrote with console.warn. */
export async function warningsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  try {
    await action();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

/**
 * `<passerelle-portal>` signed in with an identity token for `sub`, holding
 * `<tag>`; resolves with the component once `ready(its shadow root)` holds,
 * i.e. once it has drawn what the API answered through the portal's session.
 */
export async function componentInPortal(tag: string, sub: DemoSubject, ready: (root: ShadowRoot) => boolean): Promise<{ portal: HTMLElement; component: HTMLElement }> {
  const { api, tenant } = await apiConfig();
  const portal = await fixture<HTMLElement & { identityToken?: string }>(`<passerelle-portal lang="en" api="${api}" tenant="${tenant}"><${tag}></${tag}></passerelle-portal>`);
  portal.identityToken = await hostToken(sub);
  const component = portal.querySelector<HTMLElement>(tag)!;
  // A safety bound against a hang, not a speed check (the API and the page share a busy machine).
  await until(() => component.shadowRoot && ready(component.shadowRoot), `<${tag}> to show what the API answered`, 30_000);
  return { portal, component };
}

/** The component used the portal's session: it shows no sign-in of its own. */
export const hasOwnSignIn = (component: HTMLElement): boolean => component.shadowRoot?.querySelector('[part~="sign-in"]') != null;
