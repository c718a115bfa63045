import { css } from 'lit';

export default css`
  .base {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: calc(var(--_space) * 0.5) var(--_space);
    font-size: 0.9em;
    color: var(--_muted);
  }
  .filters label {
    display: grid;
    gap: 0.2em;
  }
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25em 0.4em;
    min-block-size: 2rem;
    color-scheme: inherit;
  }
  .scroll {
    overflow-x: auto;
  }
  .when {
    white-space: nowrap;
  }
  .details {
    font-size: 0.85em;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .load-more {
    justify-self: start;
  }
`;
