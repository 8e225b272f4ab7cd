/** The locales Passerelle speaks. French is the default. */
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];

/** `en-GB` → `en`; anything unknown → null. */
export function toLocale(lang: string | null | undefined): Locale | null {
  const base = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return (locales as readonly string[]).includes(base ?? '') ? (base as Locale) : null;
}

/**
 * The element's `lang`, else the nearest ancestor's `lang` (crossing shadow
 * roots), else `<html lang>`, else French.
 */
export function resolveLocale(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const found = toLocale(node.getAttribute('lang'));
      if (found) return found;
      // A lang we do not speak (e.g. "de") falls through to the next ancestor.
    }
    node = node instanceof ShadowRoot ? node.host : (node.parentNode ?? null);
  }
  return toLocale(document.documentElement.lang) ?? 'fr';
}
