import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { LocaleController, formatMoney } from './locale-controller.ts';
import { resolveLocale, toLocale } from './locale.ts';
import { until } from '../testing/index.ts';

const fr = { hello: 'Bonjour', items: (n: number) => `${n} éléments` };
const en = { hello: 'Hello', items: (n: number) => `${n} items` } satisfies typeof fr;

class TestLocale extends LitElement {
  l10n = new LocaleController(this, { fr, en });
  override render() {
    return litHtml`<span>${this.l10n.t.hello}</span>`;
  }
}
customElements.define('test-locale', TestLocale);

/** English given as a loader (as the components do): resolves when the test says so. */
let fetches = 0;
let arrive: () => void = () => undefined;
const lazyEn = () => {
  fetches += 1;
  return new Promise<typeof en>((resolve) => (arrive = () => resolve(en)));
};
const rendered: string[] = [];
class TestLazyLocale extends LitElement {
  l10n = new LocaleController(this, { fr, en: lazyEn });
  override render() {
    rendered.push(this.l10n.t.hello);
    return litHtml`<span>${this.l10n.t.hello}</span>`;
  }
}
customElements.define('test-lazy-locale', TestLazyLocale);

/** Puts a test-locale inside a shadow root whose inner wrapper has a lang. */
class TestShadowHost extends LitElement {
  override render() {
    return litHtml`<div lang="en"><test-locale></test-locale></div>`;
  }
}
customElements.define('test-shadow-host', TestShadowHost);

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('LocaleController', () => {
  it('defaults to French', async () => {
    const el = await fixture<TestLocale>(html`<test-locale></test-locale>`);
    expect(el.l10n.locale).to.equal('fr');
    expect(el.shadowRoot!.textContent).to.contain('Bonjour');
  });

  it('reads its own lang, then the nearest ancestor, across shadow roots', async () => {
    const el = await fixture<HTMLElement>(html`<section lang="en-GB"><div><test-locale></test-locale></div></section>`);
    expect((el.querySelector('test-locale') as TestLocale).l10n.locale).to.equal('en');
    const own = await fixture<TestLocale>(html`<test-locale lang="en"></test-locale>`);
    expect(own.l10n.t.items(3)).to.equal('3 items');
    const host = await fixture<TestShadowHost>(html`<test-shadow-host lang="fr"></test-shadow-host>`);
    const inner = host.shadowRoot!.querySelector('test-locale') as TestLocale;
    expect(inner.l10n.locale).to.equal('en');
  });

  it('fetches a lazy English once, when first spoken, and holds the render until it is there', async () => {
    const french = await fixture<TestLazyLocale>(html`<test-lazy-locale></test-lazy-locale>`);
    expect(french.shadowRoot!.textContent).to.contain('Bonjour');
    expect(fetches).to.equal(0);
    rendered.length = 0;
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><test-lazy-locale></test-lazy-locale><test-lazy-locale></test-lazy-locale></div>`);
    await new Promise((r) => setTimeout(r, 50));
    expect(rendered).to.deep.equal([]);
    expect(fetches).to.equal(1);
    arrive();
    const [a, b] = [...wrapper.querySelectorAll<TestLazyLocale>('test-lazy-locale')];
    await until(() => a!.shadowRoot!.textContent!.includes('Hello') && b!.shadowRoot!.textContent!.includes('Hello'), 'English');
    expect(rendered).to.deep.equal(['Hello', 'Hello']);
    french.lang = 'en';
    await until(() => french.shadowRoot!.textContent!.includes('Hello'), 'the switch to English');
    expect(fetches).to.equal(1);
  });

  it('re-renders when an ancestor lang changes', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr"><test-locale></test-locale></div>`);
    const el = wrapper.querySelector('test-locale') as TestLocale;
    wrapper.lang = 'en';
    await until(() => el.shadowRoot!.textContent!.includes('Hello'), 'English');
  });

  it('skips a language it does not speak', () => {
    expect(toLocale('de-CH')).to.equal(null);
    expect(toLocale('EN_us')).to.equal('en');
    const div = document.createElement('div');
    div.innerHTML = '<p lang="en"><span lang="de"><b></b></span></p>';
    expect(resolveLocale(div.querySelector('b')!)).to.equal('en');
  });

  it('formats money (cents, EUR), numbers and dates with Intl', async () => {
    expect(nbsp(formatMoney(123456, 'fr'))).to.equal('1 234,56 €');
    expect(formatMoney(123456, 'en')).to.equal('€1,234.56');
    const el = await fixture<TestLocale>(html`<test-locale lang="en"></test-locale>`);
    expect(el.l10n.money(50)).to.equal('€0.50');
    expect(el.l10n.number(1234.5)).to.equal('1,234.5');
    expect(el.l10n.date('2026-03-02T09:00:00Z', { dateStyle: 'long', timeZone: 'UTC' })).to.equal('March 2, 2026');
    el.lang = 'fr';
    await until(() => el.l10n.locale === 'fr', 'French');
    expect(el.l10n.date('2026-03-02T09:00:00Z', { dateStyle: 'long', timeZone: 'UTC' })).to.equal('2 mars 2026');
    expect(nbsp(el.l10n.number(1234.5))).to.equal('1 234,5');
  });
});
