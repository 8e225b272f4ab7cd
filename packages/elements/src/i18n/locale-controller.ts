import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLocale, type Locale } from './locale.ts';
import { localesInUse } from './messages.ts';

/**
 * One translation object per locale; `en` must have the same shape as `fr`.
 * `en` may be a loader (`() => import('./translations.en.ts').then((m) => m.en)`):
 * English is then a chunk of its own, fetched the first time an element
 * speaks English, and the host does not render until it has arrived.
 */
export type Translations<T> = { fr: T; en: T | (() => Promise<T>) };

// One fetch per loader for the whole page, whichever element asks first.
const loading = new WeakMap<() => Promise<unknown>, Promise<unknown>>();

type Host = ReactiveControllerHost & HTMLElement;

// One observer for the whole page: any `lang` change re-resolves every connected controller.
const controllers = new Set<LocaleController<unknown>>();
let observer: MutationObserver | null = null;

function observe(): void {
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const controller of controllers) controller.update();
  });
  // `subtree` catches a `lang` set on any ancestor, not only <html>.
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Picks the translation for the element's locale and re-renders the host when
 * `lang` changes on it, an ancestor or `<html>`. Also formats numbers, money
 * and dates with `Intl` in that locale.
 *
 * ```ts
 * private l10n = new LocaleController(this, { fr, en });
 * render() { return html`<h2>${this.l10n.t.title}</h2>`; }
 * ```
 */
export class LocaleController<T> implements ReactiveController {
  #host: Host;
  #translations: Translations<T>;
  #en: T | null;
  /** While English is being fetched: the host's next render waits for it. */
  #pending: Promise<void> | null = null;
  #locale: Locale = 'fr';
  #shadowObserver: MutationObserver | null = null;
  constructor(host: Host, translations: Translations<T>) {
    this.#host = host;
    this.#translations = translations;
    this.#en = typeof translations.en === 'function' ? null : translations.en;
    host.addController(this);
    if (this.#en === null) {
      // Lit awaits a promise answered by `scheduleUpdate` before rendering
      // (ReactiveElement's documented hook); it is protected, hence the cast.
      const lit = host as unknown as { scheduleUpdate(): void | Promise<unknown> };
      const schedule = lit.scheduleUpdate.bind(host);
      lit.scheduleUpdate = () => (this.#pending ? this.#pending.then(schedule) : schedule());
    }
  }

  /** Starts fetching English when it is needed and not there yet. */
  #ensure(): void {
    if (this.#locale !== 'en' || this.#en !== null || this.#pending) return;
    // `#en` is null only when `en` was given as a loader.
    const load = this.#translations.en as () => Promise<T>;
    let once = loading.get(load) as Promise<T> | undefined;
    if (!once) {
      once = load();
      loading.set(load, once);
    }
    this.#pending = once.then(
      (en) => {
        this.#en = en;
      },
      // Unreachable chunk (offline): the host keeps French rather than nothing.
      () => undefined,
    );
    void this.#pending.then(() => {
      this.#pending = null;
      this.#host.requestUpdate();
    });
  }

  /** The current locale: `fr` or `en`. */
  get locale(): Locale {
    return this.#locale;
  }

  /** The translation object for the current locale. */
  get t(): T {
    return this.#locale === 'en' && this.#en !== null ? this.#en : this.#translations.fr;
  }

  hostConnected(): void {
    controllers.add(this as LocaleController<unknown>);
    observe();
    // A lang set inside a shadow root above us is outside the document observer's reach.
    const root = this.#host.getRootNode();
    if (root instanceof ShadowRoot) {
      this.#shadowObserver = new MutationObserver(() => this.update());
      this.#shadowObserver.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
    this.#locale = resolveLocale(this.#host);
    localesInUse.add(this.#locale);
    this.#ensure();
  }

  hostDisconnected(): void {
    controllers.delete(this as LocaleController<unknown>);
    this.#shadowObserver?.disconnect();
    this.#shadowObserver = null;
  }

  /** Re-resolves the locale; re-renders the host if it changed. */
  update(): void {
    const next = resolveLocale(this.#host);
    if (next !== this.#locale) {
      this.#locale = next;
      localesInUse.add(next);
      this.#ensure();
      this.#host.requestUpdate();
    }
  }

  /** Formats a number: `1 234,5` / `1,234.5`. */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.#locale, options).format(value);
  }

  /** Formats integer cents as euros: `1 234,00 €` / `€1,234.00`. */
  money(cents: number, currency = 'EUR'): string {
    return formatMoney(cents, this.#locale, currency);
  }

  /** Formats an ISO date or time; dates only by default. */
  date(value: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    return new Intl.DateTimeFormat(this.#locale, options).format(typeof value === 'string' ? new Date(value) : value);
  }
}

/** Integer cents as money in a locale (`Intl.NumberFormat`, currency style). */
export function formatMoney(cents: number, locale: Locale, currency = 'EUR'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}
