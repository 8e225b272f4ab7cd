import { css } from 'lit';

export const consentCentreStyles = css`
  :host {
    display: block;
  }
  h2,
  h3,
  h4 {
    margin: 0 0 0.5rem;
    line-height: 1.25;
  }
  section {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin-block: calc(var(--_space) * 1.5);
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.95em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  /* "Withdraw everything" is as prominent as any grant: a full primary button. */
  button.primary.withdraw-all {
    font-size: 1.05em;
  }
  ul.purposes {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .purpose {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: 0.5rem;
  }
  fieldset {
    border: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
  }
  .switch {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 600;
  }
  .switch input {
    appearance: none;
    width: 2.75rem;
    height: 1.5rem;
    margin: 0;
    border-radius: 999px;
    border: 2px solid var(--_muted);
    background: var(--_surface);
    position: relative;
    cursor: pointer;
    flex: none;
  }
  .switch input::before {
    content: '';
    position: absolute;
    top: 2px;
    left: 2px;
    width: 1rem;
    height: 1rem;
    border-radius: 50%;
    background: var(--_muted);
    transition: transform 0.15s;
  }
  .switch input:checked {
    background: var(--_primary);
    border-color: var(--_primary);
  }
  .switch input:checked::before {
    background: var(--_on-primary);
    transform: translateX(1.25rem);
  }
  .switch input:disabled {
    cursor: progress;
  }
  .switch .state {
    font-weight: 400;
    color: var(--_muted);
  }
  @media (prefers-reduced-motion: reduce) {
    .switch input::before {
      transition: none;
    }
  }
  .status {
    min-height: 1.5em;
  }
  .problem {
    color: var(--_danger);
    font-weight: 600;
  }
`;
