import { html, nothing, svg } from 'lit';
import { msg, str } from '@lit/localize';
import type { ChurnLevel, ChurnRisk } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { renderServerText } from '../base/server-text.js';
import { baseStyles } from '../base/styles.js';
import styles from './churn-risk.styles.js';

/** A churn level in words, in the active language. */
function levelLabel(level: ChurnLevel): string {
  const labels: Record<ChurnLevel, string> = { low: msg('Low risk'), medium: msg('Medium risk'), high: msg('High risk') };
  return labels[level] ?? level;
}

/** A churn factor's name in words, in the active language (unknown factors as given). */
function factorLabel(factor: string): string {
  const labels: Record<string, string> = {
    purchaseGap: msg('Purchase gap'),
    engagementDecline: msg('Engagement decline'),
    supportIssues: msg('Support issues'),
  };
  return labels[factor] ?? factor;
}

/** Icons: check (low), exclamation in a triangle (medium), cross in an octagon (high). */
const ICON = {
  low: svg`<circle cx="12" cy="12" r="10"/><path d="m8 12 3 3 5-6"/>`,
  medium: svg`<path d="M12 3 2 21h20Z"/><path d="M12 10v5M12 18v.01"/>`,
  high: svg`<path d="M8 2h8l6 6v8l-6 6H8l-6-6V8Z"/><path d="m9 9 6 6M15 9l-6 6"/>`,
} satisfies Record<ChurnLevel, unknown>;

/**
 * @summary Churn risk 0–100 with its level (low / medium / high, in words, colour and icon),
 * the factors contributing to it with their points, and retention strategies.
 *
 * @attr customer-id - The customer to show.
 *
 * @csspart base - The wrapper.
 * @csspart score - The score and level block (a meter).
 * @csspart level - The level in words with its icon.
 * @csspart factors - The list of contributing factors.
 * @csspart factor - One factor: name, points, bar and reason.
 * @csspart bar - The bar of a factor's contribution.
 * @csspart strategies - The list of retention strategies.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of the error state.
 */
export class ChurnRiskElement extends C360CustomerElement {
  static override styles = [baseStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['scores'] as const;

  private readonly task = this.customer360Task();

  protected override render() {
    return this.renderTask(this.task, ({ churn }) => this.renderChurn(churn), msg('Loading churn risk…'));
  }

  private renderChurn(churn: ChurnRisk) {
    const f = this.format;
    const label = levelLabel(churn.level);
    return html`<div part="base" class="base level-${churn.level}">
      <div
        part="score"
        class="score"
        role="meter"
        aria-label=${msg('Churn risk')}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${churn.score}
        aria-valuetext=${msg(str`${churn.score} out of 100, ${label}`)}
      >
        <span class="number" aria-hidden="true">${churn.score}<small>/100</small></span>
        <span part="level" class="level" aria-hidden="true">
          <svg viewBox="0 0 24 24" class="icon">${ICON[churn.level]}</svg>${label}
        </span>
        <span class="meter" aria-hidden="true"><span style="inline-size:${churn.score}%"></span></span>
      </div>
      ${
        churn.factors.length
          ? html`<div>
            <h3>${msg('Contributing factors')}</h3>
            <ul part="factors" class="factors">
              ${churn.factors.map(
                (x) => html`<li part="factor" class="factor" data-factor=${x.name}>
                  <span class="name">${factorLabel(x.name)}</span>
                  <span class="points">${msg(str`+${f.number(x.contribution, 1)} of ${f.number(x.maxContribution)} pts`)}</span>
                  <span part="bar" class="bar" aria-hidden="true">
                    <span style="inline-size:${x.maxContribution ? (100 * x.contribution) / x.maxContribution : 0}%"></span>
                  </span>
                  <span class="detail muted">${renderServerText(x, x.detail, f)}</span>
                </li>`,
              )}
            </ul>
          </div>`
          : nothing
      }
      ${
        churn.strategies.length
          ? html`<div>
            <h3>${msg('Retention strategies')}</h3>
            <ul part="strategies" class="strategies">
              ${churn.strategies.map((s) => html`<li><span class="chip">${factorLabel(s.factor)}</span> ${renderServerText(s, s.text, f)}</li>`)}
            </ul>
          </div>`
          : nothing
      }
    </div>`;
  }
}
