/**
 * What a French page must never show (English words, technical text) and
 * what an English page must never show (French words, technical text), and
 * the reading of a component's rendered text through its shadow roots.
 */
import type { Page } from 'playwright-core';

export type Lang = 'fr' | 'en';

/** Proper nouns of the demo (people, schools, companies, products): the same in both languages. */
const PROPER_NOUNS = [
  'Université de Démonstration', "École d'ingénieurs", 'École de management', 'Association des diplômés', 'Fondation',
  'Acme Robotique', 'Globex Conseil', 'Initech Logiciels',
  'Inès Martin', 'Claire Dubois', 'Marc Lefèvre', 'Sophie Bernard', 'Julien Moreau', 'Nadia Haddad',
  'SOLTéA', 'Passerelle', 'LinkedIn',
  // French legal names an English text quotes as they are.
  'Livre des procédures fiscales', 'tiers-déclarant',
];

/** English abbreviations (not field paths), and addresses and links a person typed or the institution recorded: data, not wording. */
const DATA = [/\b(e\.g|i\.e)\./g, /\bhttps?:\/\/\S+/g, /\S+@\S+/g, /\b[\w-]+(\.[\w-]+)*\.(fr|org|com|test|net)\b/g, /«[^»]*»/g, /“[^”]*”/g];

const TECHNICAL: Array<[string, RegExp]> = [
  ['a field path', /\b[a-z]+(\.[a-zA-Z]+)+\b/],
  ['a camelCase identifier', /\b[a-z]+[A-Z][a-zA-Z]*\b/],
  ['a UUID', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i],
  ['a programmer’s value', /\b(undefined|null|NaN)\b|\[object/],
];
/** 4xx or 5xx standing alone, not an amount, a count of characters or a part of a bigger number. */
const STATUS = /(?<![\d\u00a0\u202f,.])\b[45]\d\d\b(?![\u00a0\u202f]?\d|[,.]\d|[\s\u00a0\u202f]*(€|%|caract|charact))/;

const ENGLISH = /\b(Invalid|Expected|Received|required|must|field|error|the|is|not|and|you|your|please|cannot)\b/i;
const FRENCH = /\b(le|la|les|des|est|une|pour|vous|votre|saisissez)\b|[àâçéèêëîïôûùüÿœæ]/i;

const around = (text: string, index: number) => `…${text.slice(Math.max(0, index - 50), index + 50)}…`;

/** What is wrong with `text` shown on a page in `lang`: one line per marker found, with its context. */
export function leaks(text: string, lang: Lang): string[] {
  let clean = text;
  for (const noun of PROPER_NOUNS) clean = clean.split(noun).join(' ');
  for (const data of DATA) clean = clean.replace(data, ' ');
  const found: string[] = [];
  const check = (what: string, re: RegExp) => {
    const m = re.exec(clean);
    if (m) found.push(`${what} "${m[0]}" in ${around(clean, m.index)}`);
  };
  for (const [what, re] of TECHNICAL) check(what, re);
  check('an HTTP status', STATUS);
  check(lang === 'fr' ? 'English' : 'French', lang === 'fr' ? ENGLISH : FRENCH);
  return found;
}

/**
 * The text a person reads or hears in the first `tag` of the page: rendered
 * text nodes through shadow roots (visually hidden text and live regions
 * included, `hidden` branches not), the options of visible selects, and the
 * aria-label, title and placeholder attributes. `exclude` skips elements
 * that show people's own content (an offer's title and description).
 */
export function componentText(page: Page, tag: string, exclude = ''): Promise<string> {
  return page.evaluate(
    ({ tag, exclude }) => {
      const host = document.querySelector(tag);
      const out: string[] = [];
      const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true }) || getComputedStyle(el).display === 'contents';
      const walk = (node: Node): void => {
        for (const child of Array.from(node.childNodes)) {
          if (child.nodeType === Node.TEXT_NODE) {
            out.push(child.textContent ?? '');
            continue;
          }
          if (!(child instanceof Element) || ['STYLE', 'SCRIPT', 'TEMPLATE'].includes(child.tagName)) continue;
          if (exclude && child.matches(exclude)) continue;
          const option = child.tagName === 'OPTION' || child.tagName === 'OPTGROUP';
          if (!option && !shown(child)) continue;
          for (const name of ['aria-label', 'title', 'placeholder']) {
            const value = child.getAttribute(name);
            if (value) out.push(value);
          }
          if (child.shadowRoot) walk(child.shadowRoot);
          walk(child);
        }
      };
      if (host?.shadowRoot) walk(host.shadowRoot);
      return out.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ');
    },
    { tag, exclude },
  );
}

/**
 * Waits until `tag` has drawn its last change and no form of it is busy
 * (no `aria-busy="true"`, no spinner on a submit button).
 */
export async function settled(page: Page, tag: string): Promise<void> {
  await page.waitForFunction((tag) => {
    const el = document.querySelector(tag) as (HTMLElement & { isUpdatePending?: boolean }) | null;
    const root = el?.shadowRoot;
    if (!el || !root || el.isUpdatePending) return false;
    return root.querySelector('form[aria-busy="true"], .spinner') === null;
  }, tag);
}
