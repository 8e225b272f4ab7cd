import { css } from 'lit';

export const pledgeStyles = css`
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    margin: 0 0 var(--_space);
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .modes label,
  .amounts button {
    margin-inline-end: 0.75rem;
  }
  .amounts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
  }
  .amounts button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .estimate {
    border-inline-start: 4px solid var(--_primary);
    padding: 0.5rem 0.75rem;
    margin: 0 0 var(--_space);
  }
  .estimate small {
    display: block;
    color: var(--_muted);
  }
  .copyable {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .copyable code {
    font-size: 1.1em;
    letter-spacing: 0.05em;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .history {
    margin-block-start: calc(var(--_space) * 2);
    border-block-start: 1px solid var(--_border);
  }
  .pledges {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .pledge {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .pledge h3 {
    margin: 0 0 0.5rem;
    font-size: 1.05em;
  }
  .pledge code {
    overflow-wrap: anywhere;
  }
  .pledge .hint {
    margin: 0.5rem 0 0;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block-start: var(--_space);
  }
  @media print {
    :host {
      color: #000;
      background: #fff;
    }
    .actions,
    .no-print,
    [part='confirmation'] ~ .history {
      display: none !important;
    }
    section[part='confirmation'] {
      border: none;
    }
    a[href]::after {
      content: ' (' attr(href) ')';
    }
  }
`;
