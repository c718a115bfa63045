import { css } from 'lit';

export default css`
  .base {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .filters {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .types {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }
  .filter {
    font: inherit;
    font-size: 0.85em;
    color: var(--_text);
    cursor: pointer;
    min-block-size: 2rem;
  }
  .filter[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .dates {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    font-size: 0.9em;
    color: var(--_muted);
  }
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25em 0.4em;
    margin-inline-start: 0.3em;
    color-scheme: inherit;
  }
  .list {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* Reserve the scrollbar's room: a scrollbar appearing would narrow the events, re-wrap them,
       change their heights and loop the virtualizer's ResizeObserver. */
    scrollbar-gutter: stable;
  }
  .event {
    inline-size: 100%;
    display: grid;
    grid-template-columns: auto 1fr auto;
    gap: 0.25em 0.75em;
    padding: 0.6em 0.75em;
    border-block-end: 1px solid var(--_border);
    background: var(--_bg);
  }
  .event:focus-visible {
    outline-offset: -2px;
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
    flex: none;
  }
  .icon-wrap {
    display: grid;
    place-items: center;
    inline-size: 2em;
    block-size: 2em;
    border-radius: 50%;
    background: var(--_surface);
    color: var(--_accent);
  }
  .type-refund .icon-wrap {
    color: var(--_danger);
  }
  .type-order .icon-wrap,
  .type-payment .icon-wrap {
    color: var(--_success);
  }
  .meta {
    font-size: 0.8em;
    color: var(--_muted);
  }
  .type {
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .title {
    font-weight: 600;
  }
  .description {
    font-size: 0.9em;
  }
  .amount {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    white-space: nowrap;
  }
  .type-refund .amount {
    color: var(--_danger);
  }
  .loading-more {
    font-size: 0.85em;
    color: var(--_muted);
  }
`;
