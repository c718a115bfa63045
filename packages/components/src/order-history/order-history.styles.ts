import { css } from 'lit';
import { rowsAsCards } from '../base/styles.js';

export default css`
  :host {
    container-type: inline-size;
  }
  .base {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
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
  .scroll {
    overflow-x: auto;
  }
  tbody th {
    font-weight: normal;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .status-delivered,
  .status-completed {
    color: var(--_success);
    border-color: currentColor;
  }
  .status-cancelled,
  .status-unavailable,
  .status-returned {
    color: var(--_danger);
    border-color: currentColor;
  }
  .load-more {
    justify-self: center;
  }
  .unit {
    display: none;
  }

  /* Narrow: each order becomes a two-line card (number, status, total / date, items). */
  ${rowsAsCards(
    '27rem',
    css`
      tbody tr {
        display: grid;
        grid-template-columns: auto 1fr auto;
        grid-template-areas: 'number status total' 'date date items';
        align-items: center;
        gap: 0.15em 0.6em;
        padding: 0.5em 0.25em;
      }
      tbody th {
        grid-area: number;
      }
      .date {
        grid-area: date;
        color: var(--_muted);
        font-size: 0.9em;
      }
      .status {
        grid-area: status;
      }
      .total {
        grid-area: total;
        font-weight: 600;
      }
      .items {
        grid-area: items;
        color: var(--_muted);
        font-size: 0.9em;
      }
      .unit {
        display: inline;
      }
    `,
  )}
`;
