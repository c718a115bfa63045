import { css } from 'lit';

export default css`
  .base {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .list {
    display: grid;
    gap: calc(var(--_space) * 0.6);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .segment {
    display: grid;
    gap: 0.35em;
    padding: calc(var(--_space) * 0.6) calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_kind, var(--_border));
    border-radius: var(--_radius);
  }
  .segment[data-kind='rfm'] {
    --_kind: var(--_accent);
  }
  .segment[data-kind='rule'] {
    --_kind: var(--_success);
  }
  .segment[data-kind='manual'] {
    --_kind: var(--_warning);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3em 0.6em;
  }
  .name {
    font-weight: 700;
  }
  .kind {
    color: var(--_kind);
    border-color: currentColor;
    font-weight: 600;
    font-size: 0.75em;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .rfm {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.2em 0.6em;
    margin: 0;
    font-size: 0.9em;
  }
  .scores {
    display: inline-flex;
    gap: 0.4em;
  }
  .scores > span {
    padding: 0 0.45em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  abbr {
    text-decoration: none;
    color: var(--_muted);
    font-weight: 600;
  }
  .facts {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.15em 0.75em;
    margin: 0;
    font-size: 0.9em;
  }
  .facts > div {
    display: contents;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .description,
  .why {
    margin: 0;
    font-size: 0.85em;
  }
  .button.secondary {
    color: var(--_text);
    background: var(--_bg);
    border-color: var(--_border);
  }
  .button.danger {
    color: var(--_on-danger);
    background: var(--_danger);
    border-color: var(--_danger);
  }
  .remove {
    justify-self: start;
    min-block-size: 2rem;
    padding-block: 0.2em;
    font-size: 0.9em;
  }
  .confirm {
    display: grid;
    gap: 0.4em;
    padding: 0.5em 0.6em;
    border-radius: calc(var(--_radius) * 0.75);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_bg));
    border: 1px solid var(--_danger);
  }
  .confirm p {
    margin: 0;
    font-size: 0.9em;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .add {
    display: grid;
    gap: 0.25em;
  }
  label {
    font-size: 0.85em;
    font-weight: 600;
    color: var(--_muted);
  }
  .add-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .select {
    flex: 1 1 10rem;
    min-inline-size: 0;
    min-block-size: 2.25rem;
    padding: 0.3em 0.4em;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
  }
  .add-loading,
  .add-none {
    margin: 0;
    font-size: 0.9em;
  }
  .error-message {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9em;
    font-weight: 600;
  }
`;
