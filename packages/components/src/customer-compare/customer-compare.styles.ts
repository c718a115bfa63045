import { css } from 'lit';

export default css`
  :host {
    container: c360-compare / inline-size;
    --_label-width: var(--c360-compare-label-width, 11rem);
    --_best: var(--c360-compare-best-color, var(--_success));
  }
  .base {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5em var(--_space);
  }
  .header h2 {
    margin: 0;
  }
  .as-of {
    margin: 0.15em 0 0;
    font-size: 0.85em;
  }
  .button.secondary {
    background: var(--_bg);
    color: var(--_accent);
  }
  .scroller {
    position: relative; /* contains the visually hidden texts, which would widen the page */
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .table {
    inline-size: 100%;
    border-collapse: separate;
    border-spacing: 0;
    table-layout: fixed;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.5em 0.75em;
    text-align: start;
    vertical-align: top;
    border-block-end: 1px solid var(--_border);
  }
  tbody tr:last-child > * {
    border-block-end: 0;
  }
  tbody:not(:last-child) tr:last-child > * {
    border-block-end: 1px solid var(--_border);
  }
  /* The metric names stay in view when the table scrolls sideways. */
  th[scope='row'],
  .corner {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    inline-size: var(--_label-width);
    background: var(--_bg);
    border-inline-end: 1px solid var(--_border);
    color: var(--_muted);
    font-weight: 600;
    font-size: 0.9em;
  }
  .customer {
    vertical-align: bottom;
  }
  .customer .name {
    display: block;
    font-size: 1.05em;
    overflow-wrap: anywhere;
  }
  .customer .id {
    display: block;
    font-size: 0.85em;
    font-weight: normal;
  }
  .back {
    margin-block-start: 0.35em;
    font-size: 0.85em;
    font-weight: normal;
  }
  .group th {
    padding-block: 0.6em 0.3em;
    background: var(--_surface);
    font-size: 0.8em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  .group th span {
    position: sticky;
    inset-inline-start: 0.75em;
  }
  .value {
    overflow-wrap: anywhere;
  }
  .value.best {
    background: color-mix(in srgb, var(--_best) 6%, var(--_bg));
    box-shadow: inset 3px 0 0 var(--_best);
  }
  /* box-shadow has no logical form: the stripe moves to the inline start in right-to-left. */
  :host(:dir(rtl)) .value.best {
    box-shadow: inset -3px 0 0 var(--_best);
  }
  .value.best .v {
    font-weight: 700;
  }
  .best-mark {
    display: inline-flex;
    align-items: center;
    gap: 0.2em;
    margin-inline-start: 0.4em;
    padding: 0 0.45em;
    border-radius: 999px;
    background: var(--_best);
    color: var(--_on-accent);
    font-size: 0.75em;
    font-weight: 700;
    white-space: nowrap;
  }
  .star {
    inline-size: 1em;
    block-size: 1em;
    fill: currentColor;
    vertical-align: -0.125em;
  }
  .legend .star {
    color: var(--_best);
  }
  .level {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    font-size: 0.9em;
    color: var(--_level, inherit);
    font-weight: 600;
    white-space: nowrap;
  }
  .level .dot {
    inline-size: 0.6em;
    block-size: 0.6em;
    background: currentColor;
  }
  .level-excellent .dot,
  .level-good .dot,
  .level-low .dot {
    border-radius: 50%;
  }
  .level-fair .dot,
  .level-medium .dot {
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }
  .level-poor .dot,
  .level-high .dot {
    transform: rotate(45deg);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend,
  .scroll-hint {
    margin: 0;
    font-size: 0.85em;
  }
  .scroll-hint {
    display: none;
  }

  /* Narrow: a sideways-scrolling table, customers at a readable width, names in view. */
  @container c360-compare (max-width: 599px) {
    .table {
      inline-size: max-content;
      min-inline-size: 100%;
      table-layout: auto;
    }
    th[scope='row'],
    .corner {
      inline-size: auto;
      min-inline-size: 6.5rem;
      max-inline-size: 7.5rem;
    }
    .customer,
    .value {
      min-inline-size: 8.5rem;
      max-inline-size: 11rem;
    }
    .scroll-hint {
      display: block;
    }
  }
`;
