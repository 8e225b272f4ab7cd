import { html, type TemplateResult } from 'lit';

/**
 * The desk's tabs (WAI-ARIA tabs, automatic activation): Tab reaches the
 * selected tab, the arrow keys, Home and End move to and open the others;
 * each tab controls the panel `panel-<key>`, labelled by `tab-<key>`.
 */
export function tabList<K extends string>(label: string, tabs: readonly { key: K; label: string }[], selected: K, choose: (key: K) => Promise<unknown>): TemplateResult {
  const keydown = (e: KeyboardEvent): void => {
    const at = tabs.findIndex((tab) => tab.key === selected);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    const root = (e.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
    // Once drawn with its new tabindex.
    void choose(next.key).then(() => root.getElementById(`tab-${next.key}`)?.focus());
  };
  return html`<div part="tabs" role="tablist" aria-label=${label} class="tabs" @keydown=${keydown}>
    ${tabs.map(
      (tab) =>
        html`<button part="tab" role="tab" type="button" id=${`tab-${tab.key}`} aria-controls=${`panel-${tab.key}`} aria-selected=${tab.key === selected ? 'true' : 'false'}
          tabindex=${tab.key === selected ? '0' : '-1'} @click=${() => void choose(tab.key)}>${tab.label}</button>`,
    )}
  </div>`;
}
