import { css } from 'lit';

/** A staff work queue (offers to moderate, recruiter requests): one bordered card per item. */
export const queueStyles = css`
  .queue {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .queue > li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block-end: var(--_space);
  }
  .queue h3 {
    margin: 0 0 0.25rem;
    font-size: 1.05em;
  }
`;
