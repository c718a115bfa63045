import { css } from 'lit';

export default css`
  .base {
    position: relative;
  }
  .input {
    inline-size: 100%;
    font: inherit;
    min-block-size: 2.5rem;
    padding: 0.45em 0.75em;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 0;
  }
  .results {
    margin-block-start: 0.35em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    overflow: hidden;
  }
  .results[hidden] {
    display: none;
  }
  .count {
    padding: 0.4em 0.75em;
    font-size: 0.85em;
    color: var(--_muted);
    background: var(--_surface);
  }
  .listbox {
    margin: 0;
    padding: 0;
    list-style: none;
    max-block-size: var(--c360-search-max-height, 22rem);
    overflow-y: auto;
  }
  .option {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.1em 0.75em;
    padding: 0.5em 0.75em;
    cursor: pointer;
    border-block-start: 1px solid var(--_border);
  }
  .option.active {
    background: var(--_surface);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .name {
    font-weight: 600;
  }
  .clv {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    text-align: end;
  }
  .meta,
  .orders {
    font-size: 0.85em;
  }
  .orders {
    text-align: end;
  }
`;
