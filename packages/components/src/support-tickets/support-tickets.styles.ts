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
  dl {
    margin: 0;
  }
  dt {
    color: var(--_muted);
    font-size: 0.8em;
  }
  dd {
    margin: 0;
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
    gap: calc(var(--_space) * 0.5);
  }
  .summary dd {
    font-weight: 700;
    font-size: 1.2em;
    font-variant-numeric: tabular-nums;
  }
  .summary small {
    font-size: 0.7em;
    font-weight: normal;
    color: var(--_muted);
  }
  .summary .has-open dd {
    color: var(--_warning);
  }
  .summary .none {
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_muted);
  }
  abbr {
    text-decoration: none;
  }
  .hint {
    display: block;
    color: var(--_muted);
    font-size: 0.65em;
    font-weight: normal;
  }
  th,
  td {
    padding: 0.4em 0.4em;
  }
  thead th {
    white-space: nowrap;
  }
  tbody th {
    font-weight: normal;
  }
  tr.open {
    background: color-mix(in srgb, var(--_warning) 9%, var(--_bg));
  }
  tr.open > :first-child {
    box-shadow: inset 4px 0 0 var(--_warning);
  }
  .id,
  .date {
    white-space: nowrap;
  }
  .status {
    font-weight: 600;
  }
  .status.is-open {
    color: var(--_on-accent);
    background: var(--_warning);
    border-color: var(--_warning);
  }
  .status.is-done {
    color: var(--_success);
    border-color: currentColor;
  }
  .priority-label {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    white-space: nowrap;
  }
  .priority-high,
  .priority-urgent {
    color: var(--_danger);
    font-weight: 600;
  }
  .priority-low {
    color: var(--_muted);
  }
  .unit {
    display: none;
  }

  /* Narrow: each ticket becomes a card (id, status / subject / priority, date). */
  ${rowsAsCards(
    '30rem',
    css`
      tbody tr {
        display: grid;
        grid-template-columns: 1fr auto;
        grid-template-areas: 'id status' 'subject subject' 'priority date';
        gap: 0.2em 0.5em;
        padding: 0.5em 0.5em;
      }
      tbody .id {
        grid-area: id;
      }
      tbody .subject {
        grid-area: subject;
      }
      tbody .status {
        grid-area: status;
        justify-self: end;
      }
      tbody .priority {
        grid-area: priority;
        font-size: 0.9em;
      }
      tbody .date {
        grid-area: date;
        color: var(--_muted);
        font-size: 0.9em;
      }
      tbody .unit {
        display: inline;
      }
      tr.open > :first-child {
        box-shadow: none;
      }
      tr.open {
        box-shadow: inset 4px 0 0 var(--_warning);
      }
    `,
  )}

  /* The ticket dialog */
  .dialog {
    inline-size: min(var(--c360-dialog-width, 36rem), calc(100vw - 2rem));
    max-block-size: calc(100vh - 4rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font-family: var(--_font);
    box-shadow: var(--_shadow);
  }
  .dialog::backdrop {
    background: var(--_backdrop);
  }
  .dialog-body {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
  }
  .dialog-header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space);
  }
  .dialog-header h2 {
    margin: 0;
    display: grid;
    gap: 0.15em;
  }
  .dialog-id {
    font-size: 0.8em;
    color: var(--_muted);
    font-weight: 600;
  }
  .close {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    flex: none;
    min-block-size: 2.25rem;
    padding: 0.3em 0.8em;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .detail-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: calc(var(--_space) * 0.6);
  }
  .detail-grid dd {
    font-weight: 600;
  }
  .dialog h3 {
    margin: 0;
  }
  .history {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.6em;
    border-inline-start: 2px solid var(--_border);
    padding-inline-start: 0.9em;
  }
  .entry {
    display: grid;
    gap: 0.1em;
    position: relative;
  }
  .entry::before {
    content: '';
    position: absolute;
    inset-inline-start: calc(-0.9em - 6px);
    inset-block-start: 0.35em;
    inline-size: 10px;
    block-size: 10px;
    border-radius: 50%;
    background: var(--_bg);
    border: 2px solid var(--_accent);
  }
  .entry-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.6em;
    align-items: baseline;
  }
  .entry-head time,
  .entry-actor {
    font-size: 0.85em;
  }
`;
