import { css } from 'lit';

/**
 * The host styles every Passerelle element starts with: public custom
 * properties (`--passerelle-*`) read into private ones, light and dark
 * defaults, the host page's font. Everything lives in shadow DOM, so nothing
 * leaks in or out except these properties and the `::part`s.
 *
 * Default colours are AA (≥ 4.5:1) on their surface in both schemes.
 */
export const theme = css`
  :host {
    --_primary: var(--passerelle-color-primary, #1d4ed8);
    --_on-primary: var(--passerelle-color-on-primary, #ffffff);
    --_surface: var(--passerelle-color-surface, #ffffff);
    --_text: var(--passerelle-color-text, #1f2937);
    --_muted: var(--passerelle-color-muted, #4b5563);
    --_danger: var(--passerelle-color-danger, #b91c1c);
    --_border: var(--passerelle-color-border, #6b7280);
    --_focus: var(--passerelle-color-focus, #1d4ed8);
    --_radius: var(--passerelle-radius, 0.375rem);
    --_space: var(--passerelle-spacing, 1rem);
    /* Native controls (date pickers, selects, scrollbars) follow the scheme too. */
    color-scheme: light;
    display: block;
    box-sizing: border-box;
    font: var(--passerelle-font, inherit);
    color: var(--_text);
    background: var(--_surface);
    line-height: 1.5;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_primary: var(--passerelle-color-primary, #93c5fd);
      --_on-primary: var(--passerelle-color-on-primary, #0b1220);
      --_surface: var(--passerelle-color-surface, #111827);
      --_text: var(--passerelle-color-text, #f3f4f6);
      --_muted: var(--passerelle-color-muted, #d1d5db);
      --_danger: var(--passerelle-color-danger, #fca5a5);
      --_border: var(--passerelle-color-border, #9ca3af);
      --_focus: var(--passerelle-color-focus, #93c5fd);
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Fields, buttons and the error summary drawn by FormController. */
export const formStyles = css`
  form {
    display: grid;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field.checkbox {
    grid-template-columns: auto 1fr;
    align-items: start;
    column-gap: 0.5rem;
  }
  .field.checkbox > :not(input) {
    grid-column: 2;
  }
  fieldset.field {
    border: none;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .option {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: normal;
  }
  label {
    font-weight: 600;
  }
  .req {
    color: var(--_danger);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.625rem;
    width: 100%;
    max-width: 40rem;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.125rem 0 0;
    accent-color: var(--_primary);
  }
  .invalid input,
  .invalid select,
  .invalid textarea {
    border: 2px solid var(--_danger);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 0.5rem 1rem;
    border: 1px solid var(--_primary);
    background: transparent;
    color: var(--_primary);
    justify-self: start;
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  button.link {
    border: none;
    padding: 0;
    text-decoration: underline;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  .error-summary {
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .error-summary-title {
    font-size: 1.125em;
    margin: 0 0 0.5rem;
  }
  .error-summary p {
    margin: 0 0 0.5rem;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }
`;
