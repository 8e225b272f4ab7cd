/** The shared English strings, loaded on demand: `new LocaleController(host, { fr, en: english })`. */
export const english = () => import('./en.ts').then((m) => m.en);
