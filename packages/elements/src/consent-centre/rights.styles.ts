import { css, supportsAdoptingStyleSheets, type CSSResult } from 'lit';

/**
 * The styles of what src/consent-centre/rights.ts draws (notices, history
 * table, erasure lists), added to the centre's shadow root with it: the
 * centre's own `static styles` hold what the purposes need.
 */
export const rightsStyles = css`
  .notice {
    border-inline-start: 4px solid var(--_primary);
    padding: 0.5rem 0.75rem;
    display: grid;
    gap: 0.5rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    color: var(--_muted);
    padding-block-end: 0.5rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.375rem 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
  details summary {
    cursor: pointer;
  }
  .erasure ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
`;

/** Adds `styles` after those the element was drawn with (Lit adopts `static styles` once, when the shadow root is made). */
export function addStyles(host: HTMLElement, styles: CSSResult): void {
  const root = host.shadowRoot;
  if (!root) return;
  if (supportsAdoptingStyleSheets && styles.styleSheet) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
  } else {
    const style = document.createElement('style');
    style.textContent = styles.cssText;
    root.append(style);
  }
}
