import { css } from 'lit';

/** The desk's three sections; the comparison table scrolls sideways on a narrow screen (360 px) rather than overflow. */
export const staffDeskStyles = css`
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
`;
