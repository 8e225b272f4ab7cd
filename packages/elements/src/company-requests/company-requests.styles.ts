import { css } from 'lit';

export const companyRequestsStyles = css`
  :host {
    display: block;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem var(--_space);
    margin: 0 0 var(--_space);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .hint {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    margin: 0 0 var(--_space);
    padding: 0.5rem var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
  }
  .hint[data-match='true'] {
    border-inline-start-color: var(--_primary);
  }
  .hint[data-match='false'] {
    border-inline-start-color: var(--_danger);
  }
  .hint .mark {
    font-weight: 700;
  }
  blockquote {
    margin: 0;
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: var(--_space);
    white-space: pre-line;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .refusal {
    margin-block-start: var(--_space);
  }
`;
