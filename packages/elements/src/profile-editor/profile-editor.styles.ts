import { css } from 'lit';

export const profileEditorStyles = css`
  /* The layout follows the editor's own width (a sidebar, a phone), not the window's. */
  :host {
    container-type: inline-size;
  }
  h2 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.375rem;
  }
  section.part,
  fieldset.group {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0 0 var(--_space);
  }
  section.part > h3 {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.125rem;
  }
  fieldset.group > legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  /* A field and who sees it: side by side when there is room (the choice wide enough for its longest option), stacked when narrow. */
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 15em;
    gap: 0 var(--_space);
    align-items: start;
  }
  .row > * {
    min-width: 0;
  }
  @container (max-width: 36rem) {
    .row {
      grid-template-columns: minmax(0, 1fr);
    }
    /* Every pixel for the fields: sections are told apart by their headings and a rule, groups by a margin line. */
    section.part {
      border-width: 1px 0 0;
      border-radius: 0;
      padding: var(--_space) 0 0;
    }
    fieldset.group {
      border-width: 0 0 0 2px;
      border-radius: 0;
      padding: 0 0 0 calc(var(--_space) / 2);
    }
  }
  .visibility-help {
    margin: 0 0 var(--_space);
  }
  .visibility-help p {
    margin: 0 0 0.25rem;
  }
  .visibility-help dl {
    margin: 0;
  }
  .visibility-help dt {
    display: inline;
    font-weight: 600;
  }
  .visibility-help dd {
    display: inline;
    margin: 0;
  }
  .visibility-help dd::before {
    content: '— ';
  }
  .readonly {
    margin: 0 0 var(--_space);
  }
  .readonly .label {
    font-weight: 600;
  }
  .readonly .value {
    margin: 0.125rem 0;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .indicators {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-bottom: var(--_space);
  }
  .indicator {
    display: grid;
    gap: 0.125rem;
    min-width: 10rem;
  }
  progress {
    width: 100%;
    accent-color: var(--_primary);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  .status {
    min-height: 1.5em;
    margin: calc(var(--_space) / 2) 0;
  }
  .conflict {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: var(--_space);
  }
  .conflict h3 {
    margin-top: 0;
  }
  .versions {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: var(--_space);
  }
  @media (max-width: 560px) {
    .versions {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .versions h4 {
    margin: 0;
    font-size: 1rem;
  }
  .versions p {
    margin: 0.25rem 0;
    overflow-wrap: anywhere;
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  button.secondary {
    background: transparent;
    color: var(--_primary);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    padding: 0.5rem 0.875rem;
    font: inherit;
    cursor: pointer;
  }
  button.secondary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
