import { css } from 'lit';
import { rowsAsCards } from '../base/styles.js';

export default css`
  :host {
    container-type: inline-size;
  }
  .base {
    display: grid;
    gap: var(--_space);
  }
  p {
    margin: 0;
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
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
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .opt-in {
    font-size: 0.9em;
    padding-block: 0.2em;
  }
  .opt-in.yes {
    color: var(--_success);
    border-color: currentColor;
  }
  .opt-in.no {
    color: var(--_muted);
    border-style: dashed;
  }
  .opt-in span {
    color: var(--_text);
  }
  .segment .muted {
    font-size: 0.9em;
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
  .hint {
    display: block;
    color: var(--_muted);
    font-size: 0.8em;
    font-weight: normal;
  }
  .rates {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: calc(var(--_space) * 0.6);
  }
  .rate dd:not(.hint) {
    font-size: 1.35em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .rate dd.small {
    font-size: 1em;
    font-weight: 600;
  }
  .rate.wide {
    grid-column: 1 / -1;
  }
  .rate dd.none {
    font-size: 0.95em;
    font-weight: 600;
    color: var(--_muted);
  }
  .preferences {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: calc(var(--_space) * 0.5);
  }
  .preferences dd {
    font-weight: 600;
  }
  .preferences + .hint {
    margin-block-start: 0.35em;
  }
  thead th {
    white-space: nowrap;
  }
  .date {
    white-space: nowrap;
  }
  .mark {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    white-space: nowrap;
  }
  .mark.yes {
    color: var(--_success);
    font-weight: 600;
  }
  .mark.no {
    color: var(--_muted);
  }
  .bounced {
    color: var(--_danger);
  }
  .consent-log summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--_muted);
    font-size: 0.95em;
    min-block-size: 1.75rem;
  }
  .consent-list {
    display: grid;
    gap: 0.5em;
    margin-block-start: 0.5em;
  }
  .consent {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.1em 0.5em;
    padding-block-end: 0.4em;
    border-block-end: 1px solid var(--_border);
    font-size: 0.9em;
  }
  .consent-what {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  .consent.granted .icon,
  .consent.granted .change {
    color: var(--_success);
  }
  .consent.withdrawn .icon,
  .consent.withdrawn .change {
    color: var(--_danger);
  }
  .change {
    font-weight: 600;
  }
  .consent .hint {
    text-align: end;
  }
  .consent-why {
    grid-column: 1 / -1;
  }

  /* Editing (consent:write): the toggles and the confirmation dialog. */
  .opt-in-row {
    display: inline-flex;
    align-items: center;
  }
  .opt-in-row .link-button,
  [data-value='quiet-hours'] .link-button {
    margin-inline-start: 0.5em;
    font-size: 0.9em;
  }
  .dialog {
    inline-size: min(var(--c360-dialog-width, 28rem), calc(100vw - 2rem));
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
  .form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
  }
  .form h2 {
    margin: 0;
    font-size: 1.15em;
  }
  .field {
    display: grid;
    gap: 0.2em;
  }
  .field label {
    font-size: 0.9em;
    font-weight: 600;
  }
  .times {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
  }
  .input {
    font: inherit;
    min-block-size: 2.25rem;
    padding: 0.35em 0.5em;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .field-error,
  .form-error {
    color: var(--_danger);
    font-size: 0.9em;
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: calc(var(--_space) * 0.5);
  }
  .button.secondary {
    background: var(--_bg);
    color: var(--_accent);
  }
  /* Narrow: a campaign becomes a card (name / sent, opened, clicked, wrapping as needed). */
  ${rowsAsCards(
    '24rem',
    css`
      tbody tr {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.15em 0.75em;
        padding: 0.4em 0.2em;
      }
      tbody .name {
        flex: 1 0 100%;
      }
      tbody .date {
        color: var(--_muted);
      }
    `,
  )}
`;
