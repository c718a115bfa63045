import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  .form {
    display: grid;
    gap: var(--_space);
  }
  .names {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }
  .names label {
    display: grid;
    gap: 0.2em;
    flex: 1 1 14rem;
    font-size: 0.9em;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    padding: 0.3em 0.5em;
    min-block-size: 2.25rem;
    box-sizing: border-box;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .group {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5);
    background: var(--_surface);
  }
  .group .group {
    background: var(--_bg);
  }
  .group-head,
  .group-actions,
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
  }
  .join,
  .not {
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
  }
  .rows {
    list-style: none;
    margin: calc(var(--_space) * 0.5) 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    align-items: center;
  }
  .row-number {
    min-inline-size: 1.5em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .value-wrap {
    display: inline-flex;
    gap: 0.3em;
    align-items: center;
  }
  .unit {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  .button.icon {
    padding-inline: 0.6em;
  }
  .row-error,
  .save-error,
  .preview-error {
    color: var(--_danger);
    font-size: 0.9em;
    margin: 0;
    flex-basis: 100%;
  }
  [hidden] {
    display: none !important;
  }
  .preview {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .muted {
    color: var(--_muted);
  }
  @media (max-width: 480px) {
    .row > select,
    .row .value-wrap,
    .row > .value {
      flex: 1 1 100%;
    }
  }
`;
