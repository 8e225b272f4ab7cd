import { css } from 'lit';

/** The desk's three sections; the comparison table scrolls sideways on a narrow screen (360 px) rather than overflow. */
export const staffDeskStyles = css`
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-block-end: 2px solid var(--_primary);
    margin-block: var(--_space);
  }
  .tabs [role='tab'] {
    border-end-start-radius: 0;
    border-end-end-radius: 0;
    border-block-end: none;
  }
  .tabs [aria-selected='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  section {
    margin-block: calc(var(--_space) * 2);
  }
  .inline,
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }
  .filters .field,
  .inline .field {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .meta {
    color: var(--_muted);
    margin: 0 0 0.5rem;
  }
  .scroll {
    overflow-x: auto;
    margin-block: var(--_space);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.25rem 0.5rem;
    border-block-end: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  tr.same td {
    font-weight: 600;
  }
  .audit dl {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: 0.25rem var(--_space);
    margin: 0;
  }
  .audit dt {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .audit dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .error {
    color: var(--_danger);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25rem;
  }
  td.number {
    text-align: end;
    white-space: nowrap;
  }
  .hint {
    color: var(--_muted);
    margin: 0;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
  }
  fieldset.invalid {
    border: 2px solid var(--_danger);
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: start;
    margin-block: 0.25rem;
  }
  figure {
    margin: 0 0 var(--_space);
  }
  figcaption {
    color: var(--_muted);
  }
  blockquote {
    margin: 0.25rem 0 0;
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_border);
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .correction {
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block: var(--_space);
  }
  .overdue {
    color: var(--_danger);
    font-weight: 600;
  }
`;
