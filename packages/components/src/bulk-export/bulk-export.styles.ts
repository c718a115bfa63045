import { css } from 'lit';

/** Added to export-button's styles (the same buttons and error line): the bar and its status. */
export default css`
  .base {
    align-items: center;
  }
  progress {
    inline-size: 10rem;
    accent-color: var(--_accent);
  }
  .status {
    color: var(--_muted);
    font-size: 0.9em;
  }
`;
