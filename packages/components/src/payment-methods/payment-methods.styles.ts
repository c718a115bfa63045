import { css } from 'lit';
import { rowsAsCards } from '../base/styles.js';

export default css`
  :host {
    container-type: inline-size;
    --_flag-bg: color-mix(in srgb, var(--_danger) 9%, var(--_bg));
  }
  .base {
    display: grid;
    gap: var(--_space);
  }
  .totals {
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
  .icon {
    inline-size: 1.1em;
    block-size: 1.1em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  /* Saved methods */
  .methods {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .method {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.4em 0.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .method.expired {
    border-color: var(--_danger);
    border-inline-start-width: 4px;
  }
  .type-icon {
    inline-size: 1.6em;
    block-size: 1.6em;
    color: var(--_muted);
  }
  .method-text {
    display: flex;
    flex-direction: column;
    flex: 1 1 8rem;
    min-inline-size: 0;
  }
  .method-name {
    font-weight: 600;
  }
  .mask {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.02em;
  }
  .method-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }
  .badge.default {
    color: var(--_accent);
    border-color: currentColor;
  }
  .badge.expired {
    color: var(--_danger);
    border-color: currentColor;
    font-weight: 600;
  }

  /* Transactions */
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  tr.flagged {
    background: var(--_flag-bg);
  }
  tr.flagged > :first-child {
    box-shadow: inset 4px 0 0 var(--_danger);
  }
  .chips {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
  }
  .flag-icon {
    color: var(--_danger);
  }
  .status-succeeded {
    color: var(--_success);
    border-color: currentColor;
  }
  .status-failed,
  .kind-refund {
    color: var(--_danger);
    border-color: currentColor;
    font-weight: 600;
  }
  .status-pending {
    color: var(--_warning);
    border-color: currentColor;
  }
  .show-more {
    justify-self: center;
    margin-block-start: calc(var(--_space) * 0.5);
  }
  .block {
    display: grid;
    min-inline-size: 0;
  }

  /* Narrow: each transaction becomes a two-line card (date, status, amount / method, order). */
  ${rowsAsCards(
    '30rem',
    css`
      tbody tr {
        display: grid;
        grid-template-columns: auto 1fr auto;
        grid-template-areas: 'date status amount' 'method method order';
        align-items: center;
        gap: 0.25em 0.6em;
        padding: 0.5em 0.5em;
      }
      tbody td {
        white-space: normal;
      }
      tr.flagged > :first-child {
        box-shadow: none;
      }
      tr.flagged {
        box-shadow: inset 4px 0 0 var(--_danger);
        padding-inline-start: 0.75em;
      }
      .date {
        grid-area: date;
        color: var(--_muted);
        white-space: nowrap;
      }
      .chips {
        flex-wrap: wrap;
      }
      .amount {
        grid-area: amount;
        font-weight: 600;
      }
      .status {
        grid-area: status;
      }
      .method-cell {
        grid-area: method;
        font-size: 0.9em;
      }
      .order {
        grid-area: order;
        text-align: end;
        font-size: 0.9em;
      }
    `,
  )}
`;
