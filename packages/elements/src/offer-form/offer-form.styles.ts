import { css } from 'lit';

export const offerFormStyles = css`
  :host {
    display: block;
  }
  .status {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block-end: var(--_space);
  }
  .status dt {
    font-weight: 600;
  }
  .status dd {
    margin: 0 0 calc(var(--_space) / 2);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .row > * {
    flex: 1 1 12rem;
  }
  .combobox-wrap {
    position: relative;
  }
  [role='listbox'] {
    position: absolute;
    z-index: 1;
    inset-inline: 0;
    margin: 2px 0 0;
    padding: 0;
    list-style: none;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-height: 16rem;
    overflow-y: auto;
  }
  [role='option'] {
    padding: 0.4rem 0.6rem;
    cursor: pointer;
  }
  [role='option'].active,
  [role='option']:hover {
    background: var(--_primary);
    color: var(--passerelle-color-on-primary, #fff);
  }
  .siret {
    font-variant-numeric: tabular-nums;
    opacity: 0.8;
    font-size: 0.9em;
  }
  .missing,
  .rule-hint {
    margin: 0.25rem 0 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
`;
