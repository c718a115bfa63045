import { css } from 'lit';

export default css`
  .base {
    display: grid;
    gap: var(--_space);
  }
  .score {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    gap: 0.4em var(--_space);
  }
  .number {
    font-size: 2em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .number small {
    font-size: 0.45em;
    font-weight: normal;
    color: var(--_muted);
  }
  .level {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    font-weight: 700;
    font-size: 1.15em;
    color: var(--_level);
  }
  .icon {
    inline-size: 1.2em;
    block-size: 1.2em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .meter,
  .bar {
    display: block;
    block-size: 0.5em;
    border-radius: 999px;
    background: var(--_surface);
    overflow: hidden;
  }
  .meter {
    grid-column: 1 / -1;
  }
  .meter span,
  .bar span {
    display: block;
    block-size: 100%;
    background: var(--_level);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .factors {
    display: grid;
    gap: calc(var(--_space) * 0.6);
  }
  .factor {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.15em 0.5em;
  }
  .name {
    font-weight: 600;
  }
  .points {
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
  }
  .bar,
  .detail {
    grid-column: 1 / -1;
  }
  .bar span {
    background: var(--_accent);
  }
  .detail {
    font-size: 0.85em;
  }
  .strategies li {
    margin-block-end: 0.4em;
  }
`;
