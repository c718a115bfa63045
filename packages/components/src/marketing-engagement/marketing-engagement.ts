import { html, nothing, svg } from 'lit';
import { Task, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import {
  MARKETING_RATE_WINDOW_DAYS,
  type CampaignReceived,
  type CampaignRef,
  type ConsentLogEntry,
  type ContactFrequency,
  type MarketingChannel,
  type MarketingEngagement,
  type MarketingPreferences,
} from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { PermissionsController } from '../base/permissions.js';
import { renderEditDialog, type PreferenceEditKind } from './consent-editor.js';
import { PreferenceEditController } from './edit-controller.js';
import { baseStyles, tableStyles } from '../base/styles.js';
import styles from './marketing-engagement.styles.js';

/** The channels in the order they are shown. */
export const CHANNELS: readonly MarketingChannel[] = ['email', 'sms', 'push', 'whatsapp'];
/** A marketing channel's name, in the active language. */
function channelLabel(channel: MarketingChannel): string {
  const labels: Record<MarketingChannel, string> = { email: msg('Email'), sms: msg('SMS'), push: msg('Push'), whatsapp: msg('WhatsApp') };
  return labels[channel] ?? channel;
}

/** A contact frequency in words, in the active language. */
function frequencyLabel(frequency: ContactFrequency): string {
  const labels: Record<ContactFrequency, string> = {
    immediate: msg('Immediate'),
    daily: msg('Daily digest'),
    weekly: msg('Weekly'),
    monthly: msg('Monthly'),
  };
  return labels[frequency] ?? frequency;
}

const YES = svg`<circle cx="12" cy="12" r="10"/><path d="m8 12 3 3 5-6"/>`;
const NO = svg`<circle cx="12" cy="12" r="10"/><path d="m9 9 6 6M15 9l-6 6"/>`;
const icon = (yes: boolean) => html`<svg viewBox="0 0 24 24" class="icon" aria-hidden="true">${yes ? YES : NO}</svg>`;

/**
 * @summary Marketing engagement (R5) and communication preferences: opt-in per channel (email,
 * SMS, push, WhatsApp), email open and click rates with the counts behind them, last open and last
 * click with their campaigns, the last 10 campaigns received, preferences with quiet hours, the
 * consent log, and the customer's segments.
 *
 * Rates are the API's: email messages delivered in the 365 days up to as-of; without any, the
 * element says "No email delivered in the last 12 months" instead of showing a rate. Yes/no values
 * are words and icons, never colour alone. Quiet hours are shown in the customer's time zone.
 *
 * With `consent:write` (agent and up) each channel has an "Opt in"/"Opt out" button and the quiet
 * hours an "Edit" button; each opens a confirmation dialog (a consent change needs a reason and
 * says where the customer asked) and saves through `PATCH /customers/{id}/preferences`, after
 * which the section reloads: the consent log, timeline and audit show the change.
 *
 * @attr customer-id - The customer to show.
 *
 * @csspart base - The wrapper.
 * @csspart opt-ins - The list of channel opt-ins.
 * @csspart opt-in - One channel's opt-in chip (also `opt-in-yes` or `opt-in-no`).
 * @csspart rates - Open rate, click rate, last open and last click.
 * @csspart rate - One of them.
 * @csspart campaigns - The table of the last 10 campaigns.
 * @csspart campaign - One campaign row.
 * @csspart preferences - Quiet hours, time zone, language, frequency.
 * @csspart consent-log - The consent log (a `<details>` disclosure).
 * @csspart consent - One consent change.
 * @csspart segments - The segment chips.
 * @csspart segment - One segment chip.
 * @csspart consent-toggle - A channel's "Opt in"/"Opt out" button (with `consent:write`).
 * @csspart edit-quiet-hours - The quiet hours' "Edit" button (with `consent:write`).
 * @csspart edit-dialog - The confirmation dialog of an edit.
 * @csspart edit-form - The form in it.
 * @csspart form-error - The server's refusal in the dialog.
 * @csspart confirm - The dialog's Confirm button.
 * @csspart cancel - The dialog's Cancel button.
 * @csspart edit-status - The polite announcement of a saved edit.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of the error state.
 */
export class MarketingEngagementElement extends C360CustomerElement {
  static override styles = [baseStyles, tableStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['marketing'] as const;

  private readonly task = new Task(this, {
    task: async ([id, client], { signal }) => (id ? this.requireClient(client).getMarketing(id, { signal }) : initialState),
    args: () => [this.customerId, this.client] as const,
  });

  private readonly permissions = new PermissionsController(this);
  private readonly editor = new PreferenceEditController(this, {
    target: () => (this.client && this.customerId ? { client: this.client, customerId: this.customerId } : undefined),
    preferences: () => this.task.value?.preferences,
    reload: () => this.task.run(),
  });

  /** Whether the current token may change consent and preferences (false until `GET /me` answered). */
  get canEdit(): boolean {
    return this.permissions.can('consent:write');
  }

  /** Opens the confirmation dialog of `edit` (a consent change or the quiet hours). */
  startEdit(edit: PreferenceEditKind): Promise<void> {
    return this.canEdit ? this.editor.start(edit) : Promise.resolve();
  }

  /** Sends the confirmed edit; resolves to whether it was saved (errors stay in the dialog). */
  confirmEdit(): Promise<boolean> {
    return this.editor.confirm();
  }

  /** The marketing engagement last loaded, if any. */
  get marketing(): MarketingEngagement | undefined {
    return this.task.value;
  }

  protected override render() {
    return html`${this.renderTask(this.task, (m) => this.renderMarketing(m), msg('Loading marketing engagement…'))}
      <p part="edit-status" class="visually-hidden" role="status">${this.editor.saved}</p>
      ${renderEditDialog(this.editor.view(channelLabel))}`;
  }

  private renderMarketing(m: MarketingEngagement) {
    return html`<div part="base" class="base">
      <div class="block">
        <h3 id="opt-ins-heading">${msg('Opt-ins')}</h3>
        <ul part="opt-ins" class="chips">
          ${CHANNELS.map((channel) => {
            const yes = m.optIns[channel];
            return html`<li class="opt-in-row">
              <span part="opt-in opt-in-${yes ? 'yes' : 'no'}" class="chip opt-in ${yes ? 'yes' : 'no'}" data-channel=${channel}>
                ${icon(yes)}<span>${channelLabel(channel)}<span class="visually-hidden">:</span></span> <strong>${yes ? msg('Yes') : msg('No')}</strong>
              </span>
              ${
                this.canEdit
                  ? html`<button part="consent-toggle" class="link-button" type="button" data-channel=${channel} aria-haspopup="dialog"
                    aria-label=${yes ? msg(str`Opt out of ${channelLabel(channel)}`) : msg(str`Opt in to ${channelLabel(channel)}`)}
                    @click=${() => this.startEdit({ kind: 'consent', channel, granted: !yes })}>${yes ? msg('Opt out') : msg('Opt in')}</button>`
                  : nothing
              }
            </li>`;
          })}
        </ul>
      </div>
      ${this.renderRates(m)} ${this.renderCampaigns(m.campaigns)} ${this.renderPreferences(m.preferences)} ${this.renderConsentLog(m.consentLog)}
      <div class="block">
        <h3 id="segments-heading">${msg('Segments')}</h3>
        ${
          m.segments.length
            ? html`<ul part="segments" class="chips">
              ${m.segments.map(
                (
                  s,
                ) => html`<li part="segment" class="chip segment" data-segment-id=${s.id} title=${s.assignedAt ? msg(str`Assigned ${this.format.date(s.assignedAt)}`) : nothing}>
                  ${s.name} <span class="muted">${s.how === 'manual' ? msg('manual') : msg('automatic')}</span>
                </li>`,
              )}
            </ul>`
            : html`<p class="muted" data-value="segments">${msg('No segments.')}</p>`
        }
      </div>
    </div>`;
  }

  private renderRates(m: MarketingEngagement) {
    const f = this.format;
    const months = Math.round(MARKETING_RATE_WINDOW_DAYS / 30.4);
    const delivered = f.number(m.emailsDelivered);
    const of = (count: number) =>
      m.emailsDelivered === 1
        ? msg(str`${f.number(count)} of ${delivered} delivered email`)
        : msg(str`${f.number(count)} of ${delivered} delivered emails`);
    const campaign = (at: string | null, ref: CampaignRef | null) =>
      at
        ? html`<dd class="small">${f.date(at)}</dd>${ref ? html`<dd class="hint">${ref.name}</dd>` : nothing}`
        : html`<dd class="small muted">${msg('Never')}</dd>`;
    return html`<div class="block">
      <h3 id="rates-heading">${msg('Engagement')}</h3>
      <dl part="rates" class="rates">
        ${
          m.openRate === null || m.clickRate === null
            ? html`<div part="rate" class="rate wide" data-value="no-rates">
              <dt>${msg('Open and click rates')}</dt>
              <dd class="none">${msg(str`No email delivered in the last ${f.number(months)} months`)}</dd>
            </div>`
            : html`<div part="rate" class="rate" data-value="open-rate">
                <dt>${msg('Open rate')}</dt>
                <dd>${f.percent(m.openRate)}</dd>
                <dd class="hint">${of(m.emailsOpened)}</dd>
              </div>
              <div part="rate" class="rate" data-value="click-rate">
                <dt>${msg('Click rate')}</dt>
                <dd>${f.percent(m.clickRate)}</dd>
                <dd class="hint">${of(m.emailsClicked)}</dd>
              </div>`
        }
        <div part="rate" class="rate" data-value="last-open">
          <dt>${msg('Last open')}</dt>
          ${campaign(m.lastOpenAt, m.lastOpenedCampaign)}
        </div>
        <div part="rate" class="rate" data-value="last-click">
          <dt>${msg('Last click')}</dt>
          ${campaign(m.lastClickAt, m.lastClickedCampaign)}
        </div>
      </dl>
    </div>`;
  }

  private renderCampaigns(campaigns: CampaignReceived[]) {
    const f = this.format;
    // Words in every cell (not only a tick), so the narrow card layout needs no column headers.
    const mark = (yes: boolean, yesText: string, noText: string) =>
      html`<span class="mark ${yes ? 'yes' : 'no'}">${icon(yes)}${yes ? yesText : noText}</span>`;
    return html`<div class="block">
      <h3 id="campaigns-heading">${msg('Recent campaigns')} <span class="muted">${msg('(last 10)')}</span></h3>
      ${
        campaigns.length
          ? html`<!-- Explicit roles keep the table's semantics when the narrow layout turns rows into grids. -->
            <table part="campaigns" class="campaigns" role="table" aria-labelledby="campaigns-heading">
              <thead role="rowgroup">
                <tr role="row">
                  <th role="columnheader" scope="col">${msg('Campaign')}</th>
                  <th role="columnheader" scope="col">${msg('Sent')}</th>
                  <th role="columnheader" scope="col">${msg('Opened')}</th>
                  <th role="columnheader" scope="col">${msg('Clicked')}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                ${campaigns.map(
                  (c) => html`<tr part="campaign" role="row" data-campaign-id=${c.id}>
                    <td role="cell" class="name">
                      ${c.name}
                      <span class="hint">${channelLabel(c.channel)}${c.bounced ? html` · <strong class="bounced">${msg('Bounced')}</strong>` : nothing}</span>
                    </td>
                    <td role="cell" class="date"><time datetime=${c.sentAt}>${f.date(c.sentAt)}</time></td>
                    <td role="cell" data-mark="opened">${mark(c.opened, msg('Opened'), msg('Not opened'))}</td>
                    <td role="cell" data-mark="clicked">${mark(c.clicked, msg('Clicked'), msg('Not clicked'))}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="muted" data-value="campaigns">${msg('No campaigns received.')}</p>`
      }
    </div>`;
  }

  private renderPreferences(p: MarketingPreferences) {
    const f = this.format;
    const q = p.quietHours;
    const none = html`<span class="muted">${msg('Not set')}</span>`;
    return html`<div class="block">
      <h3 id="preferences-heading">${msg('Preferences')}</h3>
      <dl part="preferences" class="preferences">
        <div data-value="quiet-hours">
          <dt>${msg('Quiet hours')}</dt>
          <dd>${q ? html`${this.clock(q.start)}–${this.clock(q.end)}${q.end < q.start ? html` <span class="muted">${msg('(overnight)')}</span>` : nothing}` : none}</dd>
          ${
            this.canEdit
              ? html`<dd class="edit"><button part="edit-quiet-hours" class="link-button" type="button" aria-haspopup="dialog" aria-label=${msg('Edit quiet hours')}
                  @click=${() => this.startEdit({ kind: 'quiet-hours' })}>${msg('Edit')}</button></dd>`
              : nothing
          }
        </div>
        <div data-value="timezone"><dt>${msg('Time zone')}</dt><dd>${p.timezone ?? none}</dd></div>
        <div data-value="language"><dt>${msg('Language')}</dt><dd>${p.language ? this.languageName(p.language) : none}</dd></div>
        <div data-value="frequency"><dt>${msg('Frequency')}</dt><dd>${p.frequency ? frequencyLabel(p.frequency) : none}</dd></div>
      </dl>
      ${p.updatedAt ? html`<p class="hint">${msg(str`Updated ${f.dateTime(p.updatedAt)}`)}</p>` : nothing}
    </div>`;
  }

  private renderConsentLog(log: ConsentLogEntry[]) {
    const f = this.format;
    return html`<details part="consent-log" class="consent-log">
      <summary>${msg('Consent log')} <span class="muted">(${this.changes(log.length)})</span></summary>
      ${
        log.length
          ? html`<ol class="consent-list">
            ${log.map(
              (c) => html`<li part="consent" class="consent ${c.granted ? 'granted' : 'withdrawn'}" data-consent-id=${c.id}>
                <span class="consent-what">
                  ${icon(c.granted)}<strong>${channelLabel(c.channel)}</strong>
                  <!-- "Opted out", not "Withdrawn": the log does not tell a withdrawal from a refusal at signup. -->
                  <span class="change">${c.granted ? msg('Opted in') : msg('Opted out')}</span>
                </span>
                <time class="hint" datetime=${c.occurredAt}>${f.dateTime(c.occurredAt)}</time>
                <span class="consent-why">${c.reason ?? html`<span class="muted">${msg('No reason given')}</span>`}${
                  c.source ? html` <span class="muted">· ${msg('source:')} <span class="source">${c.source}</span></span>` : nothing
                }</span>
              </li>`,
            )}
          </ol>`
          : html`<p class="muted">${msg('No consent changes recorded.')}</p>`
      }
    </details>`;
  }

  /** "no changes", "1 change", "12 changes" in the active language. */
  private changes(count: number): string {
    if (count === 0) return msg('no changes');
    const n = this.format.number(count);
    return count === 1 ? msg(str`${n} change`) : msg(str`${n} changes`);
  }

  /** A `HH:MM` wall-clock time in the locale's style (no time-zone conversion). */
  private clock(hhmm: string): string {
    const [h, m] = hhmm.split(':').map(Number);
    return new Intl.DateTimeFormat(this.format.locale, { timeStyle: 'short', timeZone: 'UTC' }).format(Date.UTC(2000, 0, 1, h, m));
  }

  /** "English (en)"; the tag alone when the browser cannot name it. */
  private languageName(tag: string): string {
    try {
      const name = new Intl.DisplayNames(this.format.locale, { type: 'language' }).of(tag);
      return name && name !== tag ? `${name} (${tag})` : tag;
    } catch {
      return tag;
    }
  }
}
