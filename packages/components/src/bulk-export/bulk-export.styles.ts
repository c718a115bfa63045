import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
  }
  .base {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .button {
    color: var(--_text);
    background: var(--_surface);
    border-color: var(--_border);
    min-block-size: 2.75rem;
  }
  .button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  progress {
    inline-size: 10rem;
    accent-color: var(--_accent);
  }
  .status {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .error {
    margin: 0.4em 0 0;
    color: var(--_danger);
    font-size: 0.9em;
  }
`;
