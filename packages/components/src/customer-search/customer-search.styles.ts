import { css } from 'lit';

export default css`
  :host {
    container: c360-search / inline-size;
  }
  .base {
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr); /* never wider than the host, whatever the panel holds */
    gap: 0.5em;
  }
  .bar {
    display: flex;
    gap: 0.5em;
  }
  .input,
  .panel input,
  .panel select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .input {
    flex: 1 1 auto;
    min-inline-size: 0;
    min-block-size: 2.5rem;
    padding: 0.45em 0.75em;
  }
  .input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 0;
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  /* Filters toggle and panel */
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    flex: none;
    min-block-size: 2.5rem;
    padding: 0.35em 0.75em;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .toggle[aria-expanded='true'] {
    border-color: var(--_accent);
  }
  .toggle[aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }
  .badge {
    min-inline-size: 1.4em;
    padding: 0 0.35em;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.8em;
    font-weight: 700;
    text-align: center;
  }
  .panel {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
    gap: 0.75em var(--_space);
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .panel[hidden] {
    display: none;
  }
  .field {
    display: grid;
    gap: 0.25em;
    align-content: start;
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
    font-size: 0.9em;
  }
  .field .label,
  .field legend {
    padding: 0;
    margin-block-end: 0.25em;
    color: var(--_muted);
    font-weight: 600;
  }
  .field select,
  .field > input {
    inline-size: 100%;
    min-block-size: 2.25rem;
    padding: 0.3em 0.5em;
  }
  .range {
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    column-gap: 0.5em;
  }
  .range legend {
    float: inline-start; /* lets the legend sit in the fieldset's grid like a label */
    grid-column: 1 / -1;
  }
  .range label {
    display: grid;
    gap: 0.15em;
    min-inline-size: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .range input {
    inline-size: 100%;
    min-inline-size: 0;
    min-block-size: 2.25rem;
    padding: 0.3em 0.4em;
    font-size: 1.1em;
  }
  .panel [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .field-error {
    grid-column: 1 / -1;
    color: var(--_danger);
    font-size: 0.9em;
  }
  .choices-error {
    grid-column: 1 / -1;
  }

  /* Active filters and the comparison bar */
  .chips-bar,
  .compare-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 0.75em;
  }
  .chips,
  .picked {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .removable {
    font: inherit;
    font-size: 0.85em;
    color: var(--_text);
    min-block-size: 1.9rem;
    cursor: pointer;
  }
  .removable:hover .icon {
    color: var(--_danger);
  }
  .compare-bar {
    padding: 0.5em 0.75em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.9em;
  }
  .compare-bar .button[disabled] {
    cursor: not-allowed;
  }
  .hint:empty {
    display: none;
  }
  .count {
    font-size: 0.9em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .count:empty {
    display: none;
  }

  /* Results */
  .results {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    overflow: hidden;
  }
  .results[hidden] {
    display: none;
  }
  .scroller {
    position: relative; /* contains the visually hidden texts */
    max-block-size: var(--c360-search-max-height, 22rem);
    overflow-y: auto;
  }
  .option {
    display: flex;
    align-items: stretch;
    border-block-start: 1px solid var(--_border);
  }
  .option:first-child {
    border-block-start: 0;
  }
  .option.active {
    background: var(--_surface);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  /* box-shadow has no logical form: the stripe moves to the inline start in right-to-left. */
  :host(:dir(rtl)) .option.active {
    box-shadow: inset -3px 0 0 var(--_accent);
  }
  .customer {
    flex: 1 1 auto;
    min-inline-size: 0;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.1em 0.75em;
    padding: 0.5em 0.75em;
    cursor: pointer;
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
  .meta {
    overflow-wrap: anywhere;
  }
  .orders {
    text-align: end;
    white-space: nowrap;
  }
  .pick {
    display: flex;
    align-items: center;
    padding-inline: 0.5em 0.75em;
    border-inline-start: 1px dashed var(--_border);
  }
  .compare-toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-block-size: 2.25rem;
    font-size: 0.85em;
    cursor: pointer;
    white-space: nowrap;
  }
  .compare-toggle input {
    inline-size: 1.1em;
    block-size: 1.1em;
    margin: 0;
    accent-color: var(--_accent);
  }
  .compare-toggle.disabled {
    color: var(--_muted);
    cursor: not-allowed;
  }
  .export {
    display: block;
    margin-block-start: calc(var(--_space) * 0.5);
  }
  .load-more {
    display: block;
    inline-size: 100%;
    min-block-size: 2.5rem;
    font: inherit;
    color: var(--_accent);
    background: var(--_surface);
    border: 0;
    border-block-start: 1px solid var(--_border);
    cursor: pointer;
  }
  .load-more[aria-disabled='true'] {
    cursor: progress;
  }
  .results .state {
    border-radius: 0;
  }

  /* Narrow: each result's email and orders take whole lines; the checkbox sits above its label. */
  @container c360-search (max-width: 479px) {
    .meta,
    .orders {
      grid-column: 1 / -1;
      text-align: start;
    }
    .pick {
      padding-inline: 0.5em;
    }
    .compare-toggle {
      flex-direction: column;
      justify-content: center;
      gap: 0.2em;
      font-size: 0.75em;
    }
  }
`;
