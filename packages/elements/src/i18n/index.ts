export { fr, type Translation } from './translations/fr.ts';
export { en } from './translations/en.ts';
export { locales, toLocale, resolveLocale, type Locale } from './locale.ts';
export { LocaleController, formatMoney, type Translations } from './locale-controller.ts';
