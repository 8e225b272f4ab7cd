import { css } from 'lit';

/** An offer's rendered description: the author's preview looks like what the reviewer reads. */
export const offerDescriptionStyles = css`
  .preview {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: var(--_space);
  }
`;
