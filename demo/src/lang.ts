export type Lang = 'fr' | 'en';
const KEY = 'demo-lang';

export const currentLang = (): Lang => (document.documentElement.lang === 'en' ? 'en' : 'fr');

/** The visitor's choice, remembered on this site; French otherwise. */
export function initialLang(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

/** Sets `<html lang>` (which the components follow) and every label the page translates. */
export function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Storage may be off (private mode); the choice then lasts for this page only.
  }
  const title = document.querySelector('title');
  if (title) {
    title.dataset.fr ??= title.textContent ?? '';
    document.title = title.dataset[lang] ?? document.title;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-en-label]')) {
    const label = lang === 'en' ? el.dataset.enLabel : el.dataset.frLabel;
    if (label) el.setAttribute('aria-label', label);
  }
  for (const option of document.querySelectorAll<HTMLOptionElement>('option[data-en]')) {
    option.textContent = (lang === 'en' ? option.dataset.en : option.dataset.fr) ?? option.textContent;
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
}
