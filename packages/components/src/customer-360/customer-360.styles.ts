import { css } from 'lit';

export default css`
  :host {
    container: c360 / inline-size;
    --_gap: var(--c360-section-gap, var(--_space));
  }
  .base {
    display: grid;
    gap: var(--_gap);
  }
  .card {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    min-inline-size: 0;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space);
  }
  customer-profile {
    flex: 1 1 20rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .audit-toggle {
    color: var(--_text);
    background: var(--_surface);
    border-color: var(--_border);
  }
  .audit-toggle[aria-expanded='true'] {
    border-color: var(--_accent);
  }
  .grid {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(6, minmax(0, 1fr));
    align-items: start;
  }
  .section {
    grid-column: span 2;
  }
  /* Rows of the 6-column grid: metrics · health · churn | orders · timeline |
     support · notes · follow-ups | tags · segments · loyalty | payments · marketing · behaviour. */
  .section[data-section='orders'],
  .section[data-section='timeline'] {
    grid-column: span 3;
  }
  ::slotted(*) {
    grid-column: 1 / -1;
  }
  .section-title {
    margin: calc(var(--_space) * -0.25) 0 0;
    font-size: 1em;
  }
  .toggle {
    display: flex;
    align-items: center;
    justify-content: space-between;
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding: 0.25em 0;
    font: inherit;
    font-weight: 700;
    font-size: 1.05em;
    color: inherit;
    background: none;
    border: 0;
    cursor: pointer;
    text-align: start;
  }
  .chevron {
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    transition: transform 0.15s ease;
  }
  .toggle[aria-expanded='false'] .chevron {
    transform: rotate(-90deg);
  }
  .section-body {
    margin-block-start: calc(var(--_space) * 0.5);
  }
  .section-body[hidden] {
    display: none;
  }

  @container c360 (max-width: 899px) {
    .grid {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .section {
      grid-column: span 1;
    }
    .section[data-section='metrics'],
    .section[data-section='orders'],
    .section[data-section='timeline'],
    .section[data-section='behavior'] {
      grid-column: 1 / -1;
    }
  }
  @container c360 (max-width: 599px) {
    .grid {
      grid-template-columns: minmax(0, 1fr);
    }
    .section,
    .section[data-section] {
      grid-column: 1 / -1;
    }
    .card {
      padding: calc(var(--_space) * 0.75);
    }
  }
`;
