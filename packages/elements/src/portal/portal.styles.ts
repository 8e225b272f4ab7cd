import { css } from 'lit';

export const portalStyles = css`
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem var(--_space);
    padding-block: calc(var(--_space) / 2);
    border-bottom: 1px solid var(--_border);
    margin-bottom: var(--_space);
  }
  .who {
    margin: 0;
  }
  .who:focus {
    outline: none;
  }
  .who:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .name {
    font-weight: 700;
  }
  .roles {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .roles li {
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5rem;
  }
  .sign-in {
    margin-bottom: var(--_space);
  }
  .sign-in h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .message {
    color: var(--_danger);
    font-weight: 600;
  }
`;
