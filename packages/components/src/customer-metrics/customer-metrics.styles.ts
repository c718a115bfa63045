import { css } from 'lit';

export default css`
  .base {
    display: grid;
    gap: var(--_space);
  }
  .clv {
    display: flex;
    flex-direction: column;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
    border-inline-start: 4px solid var(--_accent);
  }
  .label,
  dt {
    color: var(--_muted);
    font-size: 0.8em;
  }
  .clv .value {
    font-size: 2em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .hint {
    display: block;
    color: var(--_muted);
    font-size: 0.8em;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: calc(var(--_space) * 0.75);
    margin: 0;
  }
  dd {
    margin: 0;
    font-size: 1.1em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  dd .hint {
    font-weight: normal;
  }
`;
