import { css } from 'lit';
import { rowsAsCards } from '../base/styles.js';

export default css`
  :host {
    --_tier-bronze: var(--c360-tier-bronze, #8a4b1f);
    --_tier-silver: var(--c360-tier-silver, #56606b);
    --_tier-gold: var(--c360-tier-gold, #8a6100);
    --_tier-platinum: var(--c360-tier-platinum, #3b5b70);
    container-type: inline-size;
  }
  :host([theme='dark']) {
    --_tier-bronze: var(--c360-tier-bronze, #e0a476);
    --_tier-silver: var(--c360-tier-silver, #cbd2da);
    --_tier-gold: var(--c360-tier-gold, #f3c84b);
    --_tier-platinum: var(--c360-tier-platinum, #a5cde6);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_tier-bronze: var(--c360-tier-bronze, #e0a476);
      --_tier-silver: var(--c360-tier-silver, #cbd2da);
      --_tier-gold: var(--c360-tier-gold, #f3c84b);
      --_tier-platinum: var(--c360-tier-platinum, #a5cde6);
    }
  }
  .base {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 0.75em;
  }
  .tier {
    --_tier: var(--_text);
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.2em 0.75em 0.2em 0.55em;
    border: 2px solid var(--_tier);
    border-radius: 999px;
    color: var(--_tier);
    background: color-mix(in srgb, var(--_tier) 10%, var(--_bg));
    font-weight: 700;
    font-size: 1.05em;
  }
  .tier-bronze {
    --_tier: var(--_tier-bronze);
  }
  .tier-silver {
    --_tier: var(--_tier-silver);
  }
  .tier-gold {
    --_tier: var(--_tier-gold);
  }
  .tier-platinum {
    --_tier: var(--_tier-platinum);
  }
  .since {
    font-size: 0.85em;
  }
  .icon {
    inline-size: 1.2em;
    block-size: 1.2em;
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
  .points {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
  }
  dt,
  .label {
    display: block;
    color: var(--_muted);
    font-size: 0.8em;
  }
  dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  p {
    margin: 0;
  }
  .progress-labels {
    display: flex;
    justify-content: space-between;
    color: var(--_muted);
    font-size: 0.8em;
  }
  .progress {
    block-size: 0.6em;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    background: var(--_accent);
  }
  .to-go {
    margin-block-start: 0.25em;
    font-weight: 600;
    font-size: 0.9em;
  }
  .expiring {
    display: flex;
    align-items: center;
    gap: 0.5em;
    font-size: 0.9em;
  }
  .expiring.soon {
    padding: 0.4em 0.6em;
    border-radius: var(--_radius);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    background: color-mix(in srgb, var(--_warning) 10%, var(--_bg));
  }
  .expiring.soon .icon {
    color: var(--_warning);
  }
  .referral {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
  }
  .code-row {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  code {
    font-size: 0.95em;
    padding: 0.1em 0.4em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    user-select: all;
  }
  .copy {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    min-block-size: 2rem;
    padding: 0.2em 0.7em;
    font: inherit;
    font-size: 0.85em;
    color: var(--_accent);
    background: var(--_bg);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .feedback {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .count {
    font-weight: 700;
    font-size: 1.1em;
    font-variant-numeric: tabular-nums;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .points-cell {
    font-weight: 600;
  }
  .points-cell.plus {
    color: var(--_success);
  }
  .points-cell.minus {
    color: var(--_danger);
  }
  .date {
    white-space: nowrap;
  }
  .hint {
    display: block;
    color: var(--_muted);
    font-size: 0.85em;
  }

  /* Narrow: a transaction becomes two lines (type, points / reason, date). */
  ${rowsAsCards(
    '22rem',
    css`
      tbody tr {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.1em 0.5em;
        padding: 0.4em 0.2em;
      }
      .date {
        color: var(--_muted);
        text-align: end;
      }
    `,
  )}
`;
