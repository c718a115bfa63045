import { css } from 'lit';

export default css`
  :host {
    display: inline-block;
  }
  .base {
    display: inline-flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .button {
    color: var(--_text);
    background: var(--_surface);
    border-color: var(--_border);
  }
  .button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .error {
    margin: 0.4em 0 0;
    color: var(--_danger);
    font-size: 0.9em;
  }
`;
