import { css } from 'lit';

export default css`
  .base {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: calc(var(--_space) * 0.75) var(--_space);
    align-items: center;
  }
  .gauge {
    position: relative;
    inline-size: var(--c360-gauge-size, 7rem);
    block-size: var(--c360-gauge-size, 7rem);
  }
  svg {
    inline-size: 100%;
    block-size: 100%;
    transform: rotate(-90deg);
  }
  circle {
    fill: none;
    stroke-width: var(--c360-gauge-track-width, 10);
  }
  .track {
    stroke: var(--_surface);
  }
  .indicator {
    stroke: var(--_level, var(--_accent));
    stroke-linecap: round;
    transition: stroke-dashoffset 0.4s ease;
  }
  .value {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    font-size: calc(var(--c360-gauge-size, 7rem) * 0.26);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }
  .value small {
    font-size: 0.4em;
    font-weight: normal;
    color: var(--_muted);
  }
  .level {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font-size: 1.25em;
    font-weight: 700;
    color: var(--_level);
  }
  .icon {
    inline-size: 0.7em;
    block-size: 0.7em;
    background: currentColor;
  }
  .level-excellent .icon,
  .level-good .icon {
    border-radius: 50%;
  }
  .level-fair .icon {
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }
  .level-poor .icon {
    transform: rotate(45deg);
  }
  .block {
    grid-column: 1 / -1;
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
  .num {
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
  }
  .bar {
    grid-column: 1 / -1;
    block-size: 0.4em;
    border-radius: 999px;
    background: var(--_surface);
    overflow: hidden;
  }
  .bar span {
    display: block;
    block-size: 100%;
    background: var(--_accent);
  }
  .detail {
    grid-column: 1 / -1;
    font-size: 0.85em;
  }
  .advice li {
    margin-block-end: 0.4em;
  }
`;
