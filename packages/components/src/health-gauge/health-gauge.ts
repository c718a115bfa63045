import { html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { Advice, HealthFactor, HealthLevel } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { renderServerText } from '../base/server-text.js';
import { renderEmpty } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import styles from './health-gauge.styles.js';

/** A health level in words, in the active language. */
function levelLabel(level: HealthLevel): string {
  const labels: Record<HealthLevel, string> = { excellent: msg('Excellent'), good: msg('Good'), fair: msg('Fair'), poor: msg('Poor') };
  return labels[level] ?? level;
}

/** A health factor's name in words, in the active language (unknown factors as given). */
function factorLabel(factor: string): string {
  const labels: Record<string, string> = {
    purchase: msg('Purchase'),
    recency: msg('Recency'),
    engagement: msg('Engagement'),
    support: msg('Support'),
  };
  return labels[factor] ?? factor;
}
const RADIUS = 42;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** SPEC §4 levels: excellent ≥ 80, good ≥ 60, fair ≥ 40, poor < 40. */
export function healthLevel(score: number): HealthLevel {
  return score >= 80 ? 'excellent' : score >= 60 ? 'good' : score >= 40 ? 'fair' : 'poor';
}

/**
 * @summary Customer health 0–100 as a small ring gauge with its level in words, the weighted
 * factors behind it and the recommended actions.
 *
 * With `customer-id` it fetches the customer's 360 view; without one it shows the `score`
 * (and optional `level`, `factors`, `recommendations`) set on it directly.
 *
 * @attr customer-id - The customer whose health to show (fetches `/customers/:id/360`).
 *
 * @csspart base - The wrapper.
 * @csspart gauge - The meter (SVG ring and value).
 * @csspart track - The ring's background circle.
 * @csspart indicator - The ring's filled arc.
 * @csspart value - The number in the middle.
 * @csspart level - The level in words ("Good").
 * @csspart factors - The list of factors.
 * @csspart factor - One factor with value, weight and reason.
 * @csspart recommendations - The list of recommended actions.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of the error state.
 *
 * @cssprop [--c360-gauge-size=7rem] - Diameter of the ring.
 * @cssprop [--c360-gauge-track-width=10] - Ring thickness in SVG units of a 100×100 box.
 */
export class HealthGaugeElement extends C360CustomerElement {
  static override styles = [baseStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['scores'] as const;

  /** Score 0–100 to show when there is no `customer-id`. */
  @property({ type: Number }) score?: number;

  /** Level to show with `score` (default: derived from the score). */
  @property() level?: HealthLevel;

  /** Factors to list with `score` (name, value 0–100, weight 0–1, detail). */
  @property({ attribute: false }) factors: HealthFactor[] = [];

  /** Recommended actions to list with `score`. */
  @property({ attribute: false }) recommendations: Advice[] = [];

  private readonly task = this.customer360Task();

  protected override render() {
    if (!this.customerId) {
      return this.score === undefined
        ? renderEmpty(msg('No health score.'))
        : this.renderHealth(this.score, this.level ?? healthLevel(this.score), this.factors, this.recommendations);
    }
    return this.renderTask(
      this.task,
      ({ health }) => this.renderHealth(health.score, health.level, health.factors, health.recommendations),
      msg('Loading health score…'),
    );
  }

  private renderHealth(rawScore: number, level: HealthLevel, factors: HealthFactor[], recommendations: Advice[]) {
    const score = Math.max(0, Math.min(100, Math.round(rawScore)));
    const label = levelLabel(level);
    const f = this.format;
    return html`<div part="base" class="base level-${level}">
      <div
        part="gauge"
        class="gauge"
        role="meter"
        aria-label=${msg('Health score')}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${score}
        aria-valuetext=${msg(str`${score} out of 100, ${label}`)}
      >
        <svg viewBox="0 0 100 100" aria-hidden="true">
          ${svg`<circle part="track" class="track" cx="50" cy="50" r=${RADIUS}></circle>
            <circle part="indicator" class="indicator" cx="50" cy="50" r=${RADIUS}
              stroke-dasharray=${CIRCUMFERENCE} stroke-dashoffset=${CIRCUMFERENCE * (1 - score / 100)}></circle>`}
        </svg>
        <span part="value" class="value" aria-hidden="true">${score}<small>/100</small></span>
      </div>
      <span part="level" class="level"><span class="icon" aria-hidden="true"></span>${label}</span>
      ${
        factors.length
          ? html`<div class="block">
            <h3>${msg('Factors')}</h3>
            <ul part="factors" class="factors">
              ${factors.map(
                (x) => html`<li part="factor" class="factor" data-factor=${x.name}>
                  <span class="name">${factorLabel(x.name)}</span>
                  <span class="num">${msg(str`${f.number(x.value)}/100 · weight ${f.percent(x.weight)}`)}</span>
                  <span class="bar" aria-hidden="true"><span style="inline-size:${Math.max(0, Math.min(100, x.value))}%"></span></span>
                  <span class="detail muted">${renderServerText(x, x.detail, f)}</span>
                </li>`,
              )}
            </ul>
          </div>`
          : nothing
      }
      ${
        recommendations.length
          ? html`<div class="block">
            <h3>${msg('Recommendations')}</h3>
            <ul part="recommendations" class="advice">
              ${recommendations.map((r) => html`<li><span class="chip">${factorLabel(r.factor)}</span> ${renderServerText(r, r.text, f)}</li>`)}
            </ul>
          </div>`
          : nothing
      }
    </div>`;
  }
}
