import { css } from 'lit';
import { resultListStyles } from '../styles/result-list.ts';

export const offerBoardStyles = [
  resultListStyles,
  css`
  .card h3 button.link {
    font: inherit;
    font-weight: 600;
    text-align: start;
  }
  .page h3 {
    margin: var(--_space) 0 0.25rem;
    font-size: 1.25em;
  }
  .page h4 {
    margin: var(--_space) 0 0.25rem;
  }
  .description {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: var(--_space);
    overflow-wrap: anywhere;
  }
  .apply {
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    padding: 0 var(--_space);
    margin-top: var(--_space);
  }
  `,
];
