import { css } from 'lit';

/**
 * A searchable list of cards (the offer board, the directory): the search
 * form's status line, the grid of cards, their facts and links.
 */
export const resultListStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0 0 0.5rem;
  }
  .intro,
  .meta {
    color: var(--_muted);
  }
  fieldset.group {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin: 0;
    min-inline-size: 0;
  }
  fieldset.group > legend {
    padding: 0 0.25rem;
  }
  /* One column on a phone, as many as fit beside each other when there is room. */
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
    gap: var(--_space);
    align-items: start;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .status {
    margin: var(--_space) 0;
    font-weight: 600;
  }
  .status:empty {
    margin: 0;
  }
  .results {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_space);
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
    gap: var(--_space);
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    overflow-wrap: anywhere;
  }
  .card h3 {
    margin: 0 0 0.25rem;
    font-size: 1.05em;
  }
  .card p {
    margin: 0 0 0.25rem;
  }
  .facts {
    margin: 0.5rem 0 0;
  }
  .facts > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  a {
    color: var(--_primary);
  }
`;
