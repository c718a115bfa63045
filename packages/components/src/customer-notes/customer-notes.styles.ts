import { css } from 'lit';

export default css`
  :host {
    container-type: inline-size;
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 0.75);
  }
  .icon {
    inline-size: 1.05em;
    block-size: 1.05em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  /* The form */
  .form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.75);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .field {
    display: grid;
    gap: 0.2em;
    min-inline-size: 0;
  }
  label {
    font-size: 0.85em;
    font-weight: 600;
    color: var(--_muted);
  }
  .textarea,
  .select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
  }
  .textarea {
    inline-size: 100%;
    min-block-size: 4.5em;
    padding: 0.45em 0.6em;
    resize: vertical;
  }
  .select {
    min-block-size: 2.25rem;
    padding: 0.3em 0.4em;
    max-inline-size: 100%;
  }
  .field .select {
    inline-size: 100%;
  }
  .hint {
    font-size: 0.8em;
    color: var(--_muted);
  }
  .textarea:focus-visible,
  .select:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .under {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
  }
  .counter {
    margin-inline-start: auto;
    font-size: 0.8em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .counter.near-limit {
    color: var(--_warning);
    font-weight: 600;
  }
  .field-error,
  .form-error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.85em;
    font-weight: 600;
  }
  .field-error::before,
  .form-error::before {
    content: '⚠ ';
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.5);
  }
  .row .field {
    flex: 1 1 8rem;
  }
  .submit {
    justify-self: end;
  }

  /* The list */
  .toolbar {
    display: flex;
    justify-content: flex-end;
  }
  .filter-label {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  .list {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
    max-block-size: var(--c360-note-max-height, none);
    overflow-y: auto;
  }
  .note {
    display: grid;
    gap: 0.3em;
    padding-block-end: calc(var(--_space) * 0.5);
    border-block-end: 1px solid var(--_border);
  }
  .note-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.6em;
    font-size: 0.9em;
  }
  .author {
    font-weight: 700;
  }
  .time {
    color: var(--_muted);
    text-decoration: underline dotted;
    text-underline-offset: 2px;
    cursor: help;
  }
  .type {
    --_type: var(--_muted);
    color: var(--_type);
    border-color: currentColor;
    font-weight: 600;
    font-size: 0.8em;
  }
  .type-support {
    --_type: var(--_accent);
  }
  .type-sales {
    --_type: var(--_success);
  }
  .type-billing {
    --_type: var(--_warning);
  }
  .visibility {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .visibility[data-visibility='private'],
  .visibility[data-visibility='restricted'] {
    color: var(--_text);
    font-weight: 600;
  }
  .body {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .load-more {
    justify-self: start;
  }
`;
