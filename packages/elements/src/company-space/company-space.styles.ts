import { css } from 'lit';
import { resultListStyles } from '../styles/result-list.ts';

/** The company space: the searchable list's cards and facts (styles/result-list.ts), its sections, the offer editor and the confirmation. */
export const companySpaceStyles = [
  resultListStyles,
  css`
    .cards {
      list-style: none;
      padding: 0;
      margin: 0 0 var(--_space);
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: var(--_space);
    }
    .card h4 {
      margin: 0 0 0.25rem;
      font-size: 1.05em;
    }
    .section {
      margin-block: calc(var(--_space) * 2);
    }
    .section > h3 {
      margin: 0 0 0.5rem;
    }
    section[part='requests'],
    section[part='represent'],
    section[part='create'] {
      margin-block: calc(var(--_space) * 2);
    }
    .reason dd {
      white-space: pre-wrap;
    }
    .actions {
      margin-block-start: 0.5rem;
    }
    .confirm {
      border-inline-start: 4px solid var(--_danger);
      padding-inline-start: var(--_space);
      margin-block-start: 0.5rem;
    }
    .confirm p {
      margin: 0;
    }
    button.danger {
      border-color: var(--_danger);
      color: var(--_danger);
    }
    .people {
      list-style: none;
      padding: 0;
      margin: 0 0 var(--_space);
      overflow-wrap: anywhere;
    }
    .people li {
      padding-block: 0.25rem;
    }
    .editor {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      margin-block-start: var(--_space);
    }
    .editor-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: var(--_space);
    }
    .error {
      color: var(--_danger);
    }
  `,
];
