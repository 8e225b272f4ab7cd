/**
 * The yardstick of `bench:render` (test/bench/render.ts): the least a Lit
 * element can do to show a component's form with the API's data. It makes
 * the requests the component made before it showed its form — the token
 * exchange, then the same reads, all at once — and draws as many fields,
 * filled with strings from the answers. No portal, no translations, no
 * validation, no styles: what is left between it and the component is what
 * Passerelle's code costs. Built on its own, with Lit, by
 * `scripts/build-render-baseline.ts`.
 */
import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';

/** The first `count` non-empty strings of a JSON value, depth first. */
function stringsOf(value: unknown, count: number, into: string[] = []): string[] {
  if (into.length >= count) return into;
  if (typeof value === 'string' && value) into.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') into.push(String(value));
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, count, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, count, into);
  return into;
}

export class RenderBaseline extends LitElement {
  /** The API's base URL. */
  @property() api = '';
  /** The host's identity token, exchanged for a session as the portal does. */
  @property({ attribute: false }) identityToken = '';
  /** The paths the component read, with their query. */
  @property({ type: Array }) reads: string[] = [];
  /** How many fields the component's form had when it was shown. */
  @property({ type: Number }) fields = 0;
  @state() private values: string[] | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const exchanged = await fetch(`${this.api}/v1/auth/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: this.identityToken }) });
    const { token } = (await exchanged.json()) as { token: string };
    const answers = await Promise.all(this.reads.map((path) => fetch(`${this.api}${path}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<unknown>)));
    const values = stringsOf(answers, this.fields);
    this.values = values.length > 0 ? values : ['—'];
  }

  override render() {
    const values = this.values;
    if (!values) return html`<p role="status">…</p>`;
    return html`<form>
      ${Array.from({ length: this.fields }, (_, i) => html`<label>${i + 1} <input name=${`f${i}`} .value=${values[i % values.length]!} /></label>`)}
    </form>`;
  }
}
customElements.define('render-baseline', RenderBaseline);
