import { css } from 'lit';

export default css`
  :host {
    --_heat: var(--c360-heatmap-color, var(--_accent));
    --_chart-height: var(--c360-chart-height, 10rem);
  }
  .base {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    align-items: start;
  }
  .block {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    min-inline-size: 0;
  }
  .block h3 {
    margin: 0;
  }
  .wide {
    grid-column: 1 / -1;
  }
  .basis {
    margin: calc(var(--_space) * -0.4) 0 0;
    color: var(--_muted);
    font-size: 0.8em;
  }

  /* Sessions */
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
    margin: 0;
  }
  dt {
    color: var(--_muted);
    font-size: 0.8em;
  }
  dd {
    margin: 0;
    font-weight: 600;
    font-size: 1.1em;
    font-variant-numeric: tabular-nums;
  }

  /* Bar lists */
  .bars {
    display: grid;
    gap: calc(var(--_space) * 0.45);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .bar {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.15em 0.5em;
    font-size: 0.9em;
  }
  .bar-label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .bar-value {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .track {
    grid-column: 1 / -1;
    display: block;
    block-size: 0.45em;
    border-radius: 999px;
    background: var(--_surface);
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    min-inline-size: 3px;
    border-radius: inherit;
    background: var(--_accent);
  }

  /* Heat map */
  .preferred {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
    margin: 0;
    font-size: 0.9em;
  }
  .heatmap {
    inline-size: 100%;
    table-layout: fixed;
    border-collapse: separate;
    border-spacing: 2px;
    font-size: 0.75em;
  }
  .heatmap .corner,
  .heatmap .day {
    inline-size: 2.75em;
  }
  .heatmap .hour {
    padding: 0 0 0.2em;
    font-weight: normal;
    color: var(--_muted);
    text-align: start;
    white-space: nowrap;
    overflow: visible;
  }
  .heatmap .day {
    padding-block: 0;
    padding-inline: 0 0.35em;
    font-weight: normal;
    color: var(--_muted);
    text-align: end;
    white-space: nowrap;
  }
  .cell {
    block-size: 1.6em;
    padding: 0;
    border-radius: 2px;
  }
  .l0 {
    background: var(--_surface);
  }
  .l1 {
    background: color-mix(in srgb, var(--_heat) 25%, var(--_surface));
  }
  .l2 {
    background: color-mix(in srgb, var(--_heat) 50%, var(--_surface));
  }
  .l3 {
    background: color-mix(in srgb, var(--_heat) 75%, var(--_surface));
  }
  .l4 {
    background: var(--_heat);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3em 0.9em;
    color: var(--_muted);
    font-size: 0.8em;
  }
  .key {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    font-variant-numeric: tabular-nums;
  }
  .swatch {
    display: inline-block;
    inline-size: 0.9rem;
    block-size: 0.9rem;
    border-radius: 2px;
    border: 1px solid var(--_border);
  }

  /* Charts */
  .chart {
    display: grid;
    gap: calc(var(--_space) * 0.4);
    margin: 0;
    min-inline-size: 0;
  }
  .chart-summary {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .plot-wrap {
    position: relative;
    min-inline-size: 0;
  }
  .plot {
    block-size: var(--_chart-height);
    min-inline-size: 0;
    overflow: hidden;
  }
  /* The value under the pointer, over the chart's top end corner while hovering. */
  .readout {
    position: absolute;
    inset-block-start: 0;
    inset-inline-end: 0;
    padding: 0.1em 0.4em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
    font-size: 0.8em;
    font-variant-numeric: tabular-nums;
    pointer-events: none;
  }
  .readout:empty {
    display: none;
  }
  .chart-data summary {
    cursor: pointer;
    color: var(--_accent);
    font-size: 0.85em;
    inline-size: fit-content;
  }
  .chart-data table {
    margin-block-start: 0.4em;
    border-collapse: collapse;
    font-size: 0.85em;
  }
  .chart-data th,
  .chart-data td {
    padding: 0.2em 0.6em;
    border-block-end: 1px solid var(--_border);
    text-align: start;
  }
  .chart-data thead th {
    color: var(--_muted);
    font-weight: 600;
  }
  .chart-data tbody th {
    font-weight: normal;
  }
  .chart-data .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;
