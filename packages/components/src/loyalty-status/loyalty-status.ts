import { html, nothing, svg } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import {
  LOYALTY_EXPIRY_WINDOW_DAYS,
  LOYALTY_TIER_THRESHOLDS,
  type LoyaltyStatus,
  type LoyaltyTier,
  type LoyaltyTransaction,
  type LoyaltyTransactionKind,
} from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { renderServerText } from '../base/server-text.js';
import { renderEmpty } from '../base/states.js';
import { baseStyles, tableStyles } from '../base/styles.js';
import styles from './loyalty-status.styles.js';

/** A loyalty tier in words, in the active language. */
function tierLabel(tier: LoyaltyTier): string {
  const labels: Record<LoyaltyTier, string> = {
    bronze: msg('Bronze'),
    silver: msg('Silver'),
    gold: msg('Gold'),
    platinum: msg('Platinum'),
  };
  return labels[tier] ?? tier;
}

/** A points transaction's kind in words, in the active language. */
function kindLabel(kind: LoyaltyTransactionKind): string {
  const labels: Record<LoyaltyTransactionKind, string> = {
    earn: msg('Earned'),
    redeem: msg('Redeemed'),
    expire: msg('Expired'),
    adjust: msg('Adjusted'),
  };
  return labels[kind] ?? kind;
}

/** A medal (tier badge) and a clock (points about to expire), 24×24 strokes. */
const MEDAL = svg`<circle cx="12" cy="15" r="6"/><path d="M8.5 10.2 6 2h4l2 5 2-5h4l-2.5 8.2"/>`;
const CLOCK = svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`;

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * @summary Loyalty programme status (R4): tier badge, points balance and lifetime points, progress
 * toward the next tier ("380 points to Gold"), points expiring in the next 30 days, the referral
 * code (with a Copy button) and referral count, and the last 10 points transactions.
 *
 * A customer who is not enrolled gets an empty state saying so. Tier thresholds and the 30-day
 * window are the API's (`LOYALTY_TIER_THRESHOLDS`, `pointsExpiringIn30Days`); the tier itself is
 * what the loyalty system last set, so the bar can be at 0% when a tier was granted early.
 *
 * @attr customer-id - The customer to show.
 *
 * @csspart base - The wrapper.
 * @csspart tier - The tier badge (medal icon, tier name, tier colour).
 * @csspart points - The balance and lifetime points.
 * @csspart progress - The progress bar toward the next tier (`role="progressbar"`).
 * @csspart progress-fill - The filled part of the bar.
 * @csspart expiring - Points expiring in the next 30 days (also `expiring-soon` when more than 0).
 * @csspart referral - The referral code, Copy button and referral count.
 * @csspart referral-code - The code itself.
 * @csspart copy - The Copy button.
 * @csspart transactions - The table of the last 10 transactions.
 * @csspart transaction - One transaction row.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of the error state.
 *
 * @cssprop [--c360-tier-bronze=#8a4b1f] - Colour of the Bronze badge.
 * @cssprop [--c360-tier-silver=#56606b] - Colour of the Silver badge.
 * @cssprop [--c360-tier-gold=#8a6100] - Colour of the Gold badge.
 * @cssprop [--c360-tier-platinum=#3b5b70] - Colour of the Platinum badge.
 */
export class LoyaltyStatusElement extends C360CustomerElement {
  static override styles = [baseStyles, tableStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['loyalty'] as const;

  /** What the last Copy click did (drives the announced feedback). */
  @state() private copyState: CopyState = 'idle';
  private copyTimer?: ReturnType<typeof setTimeout>;

  private readonly task = new Task(this, {
    task: async ([id, client], { signal }) => (id ? this.requireClient(client).getLoyalty(id, { signal }) : initialState),
    args: () => [this.customerId, this.client] as const,
  });

  /** The loyalty status last loaded, if any. */
  get loyalty(): LoyaltyStatus | undefined {
    return this.task.value;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.copyTimer);
  }

  /** Copies the referral code to the clipboard; resolves to whether it worked. */
  async copyReferralCode(): Promise<boolean> {
    const code = this.task.value?.referralCode;
    if (!code) return false;
    let ok = false;
    try {
      await navigator.clipboard.writeText(code);
      ok = true;
    } catch {
      // Clipboard refused (no permission, insecure context): select the code so Ctrl+C works.
      const node = this.renderRoot.querySelector('[part=referral-code]');
      if (node) getSelection()?.selectAllChildren(node);
    }
    this.copyState = ok ? 'copied' : 'failed';
    clearTimeout(this.copyTimer);
    this.copyTimer = setTimeout(() => (this.copyState = 'idle'), 4000);
    return ok;
  }

  protected override render() {
    return this.renderTask(this.task, (loyalty) => this.renderLoyalty(loyalty), msg('Loading loyalty status…'));
  }

  private renderLoyalty(l: LoyaltyStatus) {
    if (!l.enrolled || !l.tier) return renderEmpty(msg('Not enrolled in the loyalty programme.'));
    const f = this.format;
    const tier = tierLabel(l.tier);
    return html`<div part="base" class="base">
      <div class="head">
        <span part="tier" class="tier tier-${l.tier}" data-tier=${l.tier}>
          <svg viewBox="0 0 24 24" class="icon" aria-hidden="true">${MEDAL}</svg>${tier}<span class="visually-hidden"> ${msg('tier')}</span>
        </span>
        ${l.enrolledAt ? html`<span class="muted since">${msg(str`Member since ${f.date(l.enrolledAt)}`)}</span>` : nothing}
      </div>
      <dl part="points" class="points">
        <div><dt>${msg('Points balance')}</dt><dd data-value="balance">${f.number(l.pointsBalance)}</dd></div>
        <div><dt>${msg('Lifetime points')}</dt><dd data-value="lifetime">${f.number(l.lifetimePoints)}</dd></div>
      </dl>
      ${this.renderProgress(l)}
      ${this.renderExpiring(l)}
      ${this.renderReferral(l)}
      ${this.renderTransactions(l.transactions)}
    </div>`;
  }

  private renderProgress(l: LoyaltyStatus) {
    const f = this.format;
    const percent = Math.round(l.progress * 100);
    const current = tierLabel(l.tier!);
    const next = l.nextTier ? tierLabel(l.nextTier) : undefined;
    const points = l.pointsToNextTier === null ? '' : f.number(l.pointsToNextTier);
    const toGo =
      next && l.pointsToNextTier !== null
        ? l.pointsToNextTier === 1
          ? msg(str`${points} point to ${next}`)
          : msg(str`${points} points to ${next}`)
        : undefined;
    return html`<div class="progress-block">
      <div class="progress-labels" aria-hidden="true">
        <span>${current} · ${f.number(LOYALTY_TIER_THRESHOLDS[l.tier!])}</span>
        <span>${next ? `${next} · ${f.number(LOYALTY_TIER_THRESHOLDS[l.nextTier!])}` : msg('Top tier')}</span>
      </div>
      <div
        part="progress"
        class="progress"
        role="progressbar"
        aria-label=${next ? msg(str`Progress to ${next}`) : msg(str`${current}: top tier`)}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent}
        aria-valuetext=${toGo ? `${f.percent(percent / 100)}, ${toGo}` : msg(str`${f.percent(percent / 100)}, top tier reached`)}
      >
        <span part="progress-fill" class="fill" style="inline-size:${percent}%"></span>
      </div>
      <p class="to-go" data-value="to-next-tier">${toGo ?? msg(str`Top tier reached (${current})`)}</p>
    </div>`;
  }

  private renderExpiring(l: LoyaltyStatus) {
    const f = this.format;
    const n = l.pointsExpiringIn30Days;
    const days = LOYALTY_EXPIRY_WINDOW_DAYS;
    return n > 0
      ? html`<p part="expiring expiring-soon" class="expiring soon" data-value="expiring">
          <svg viewBox="0 0 24 24" class="icon" aria-hidden="true">${CLOCK}</svg>
          <span><strong>${n === 1 ? msg(str`${f.number(n)} point expires`) : msg(str`${f.number(n)} points expire`)}</strong> ${msg(str`in the next ${f.number(days)} days`)}</span>
        </p>`
      : html`<p part="expiring" class="expiring muted" data-value="expiring">${msg(str`No points expire in the next ${f.number(days)} days`)}</p>`;
  }

  private renderReferral(l: LoyaltyStatus) {
    const f = this.format;
    const feedback =
      this.copyState === 'copied'
        ? msg('Copied')
        : this.copyState === 'failed'
          ? msg('Copy failed: the code is selected, press Ctrl+C')
          : '';
    return html`<div part="referral" class="referral">
      <div class="referral-code">
        <span class="label">${msg('Referral code')}</span>
        ${
          l.referralCode
            ? html`<span class="code-row">
              <code part="referral-code" data-value="referral-code">${l.referralCode}</code>
              <button part="copy" class="copy" type="button" aria-label=${msg('Copy referral code')} @click=${() => this.copyReferralCode()}>
                <svg viewBox="0 0 24 24" class="icon" aria-hidden="true"><rect x="9" y="9" width="12" height="12" rx="2" /><path d="M5 15V5a2 2 0 0 1 2-2h8" /></svg>
                ${msg('Copy')}
              </button>
              <span class="feedback" role="status">${feedback}</span>
            </span>`
            : html`<span class="muted" data-value="referral-code">${msg('None')}</span>`
        }
      </div>
      <div>
        <span class="label">${msg('Referrals')}</span>
        <span class="count" data-value="referral-count">${f.number(l.referralCount)}</span>
      </div>
    </div>`;
  }

  private renderTransactions(transactions: LoyaltyTransaction[]) {
    if (transactions.length === 0) return html`<p class="muted">${msg('No points transactions yet.')}</p>`;
    const f = this.format;
    const signed = new Intl.NumberFormat(f.locale, { signDisplay: 'exceptZero' });
    return html`<div class="transactions-block">
      <h3 id="transactions-heading">${msg('Recent transactions')} <span class="muted">${msg('(last 10)')}</span></h3>
      <!-- Explicit roles keep the table's semantics when the narrow layout turns rows into grids. -->
      <table part="transactions" class="transactions" role="table" aria-labelledby="transactions-heading">
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${msg('Type')}</th>
            <th role="columnheader" scope="col" class="num">${msg('Points')}</th>
            <th role="columnheader" scope="col">${msg('Reason')}</th>
            <th role="columnheader" scope="col">${msg('Date')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${transactions.map(
            (t) => html`<tr part="transaction" role="row" data-transaction-id=${t.id} class="kind-${t.kind}">
              <td role="cell">${kindLabel(t.kind)}</td>
              <td role="cell" class="num points-cell ${t.points < 0 ? 'minus' : 'plus'}">${signed.format(t.points)}</td>
              <td role="cell" class="reason">
                ${t.reason ? renderServerText(t.reasonText, t.reason, f) : html`<span class="muted">—</span>`}
                ${t.expiresAt && t.points > 0 ? html`<span class="hint">${msg(str`Expires ${f.date(t.expiresAt)}`)}</span>` : nothing}
              </td>
              <td role="cell" class="date"><time datetime=${t.occurredAt}>${f.date(t.occurredAt)}</time></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
