import { css } from 'lit';
import { resultListStyles } from '../styles/result-list.ts';

export const directoryStyles = [
  resultListStyles,
  css`
  .badges {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .badge {
    border: 1px solid var(--_primary);
    color: var(--_primary);
    border-radius: 999px;
    padding: 0.125rem 0.625rem;
    font-size: 0.9em;
  }
  `,
];
