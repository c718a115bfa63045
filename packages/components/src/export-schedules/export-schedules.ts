import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { C360ApiError, type ExportSchedule, type NewExportSchedule } from '@c360/sdk';
import { C360Element } from '../base/c360-element.js';
import { renderEmpty, renderError, renderLoading } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { PermissionsController } from '../base/permissions.js';
import styles from './export-schedules.styles.js';
import { problemReason } from '../base/server-text-problems.js';

/**
 * @summary Scheduled exports (003): lists the saved exports with their schedule, format, delivery
 * and next run; creates one from a small form; pauses and resumes them.
 *
 * The list is `GET /export-schedules`; the form posts a bulk export of every customer (name, cron
 * expression, time zone, CSV or Excel, delivered by email to one address or kept for download),
 * and the API's validation message (a bad cron expression or time zone) is shown beside the form.
 * Filters, webhooks and more recipients are set through the API or `c360 export schedule create`.
 * Hidden (renders nothing) when the token's role lacks the `export` permission (R19.3).
 *
 * @csspart table - The list of schedules.
 * @csspart row - One schedule (also `paused`).
 * @csspart toggle - Its Pause / Resume button.
 * @csspart form - The new-schedule form.
 * @csspart error - Why the last change failed.
 * @csspart state - Loading, empty, error and access-denied states.
 */
export class ExportSchedulesElement extends C360Element {
  static override styles = [baseStyles, styles];

  @state() private failure?: unknown;
  @state() private busy = false;

  private readonly permissions = new PermissionsController(this);

  private readonly task = new Task(this, {
    task: async ([allowed], { signal }): Promise<readonly ExportSchedule[]> =>
      allowed ? (await this.requireClient(this.client).getExportSchedules({ signal })).items : [],
    args: () => [this.permissions.can('export'), this.config.apiBase, this.config.token] as const,
  });

  /** The schedules shown (empty until loaded). */
  get schedules(): readonly ExportSchedule[] {
    return this.task.value ?? [];
  }

  /** Creates a schedule; resolves to it, or undefined when the API refused (shown). */
  async create(schedule: NewExportSchedule): Promise<ExportSchedule | undefined> {
    return this.change(() => this.requireClient(this.client).createExportSchedule(schedule));
  }

  /** Pauses or resumes a schedule. */
  async setPaused(id: string, paused: boolean): Promise<ExportSchedule | undefined> {
    return this.change(() => this.requireClient(this.client).updateExportSchedule(id, { paused }));
  }

  private async change(work: () => Promise<ExportSchedule>): Promise<ExportSchedule | undefined> {
    this.busy = true;
    this.failure = undefined;
    try {
      const saved = await work();
      await this.task.run();
      return saved;
    } catch (error) {
      this.failure = error;
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    void this.create({
      name: String(data.get('name') ?? ''),
      cron: String(data.get('cron') ?? ''),
      timeZone: String(data.get('timeZone') ?? 'UTC'),
      format: data.get('format') === 'xlsx' ? 'xlsx' : 'csv',
      locale: (this.config.locale ?? 'en').split('-')[0]!.toLowerCase(),
      delivery: email ? { kind: 'email', to: [email] } : { kind: 'download', retentionDays: 7 },
    }).then((saved) => saved && form.reset());
  }

  private describe(error: unknown): string {
    if (error instanceof C360ApiError) {
      const fields = error.problem.errors?.map((e) => `${e.field.replace(/^body\./, '')}: ${e.message}`).join('; ');
      const reason = fields || problemReason(error.problem);
      return msg(str`The schedule was not saved: ${reason}`);
    }
    return msg(str`The schedule was not saved: ${error instanceof Error ? error.message : String(error)}`);
  }

  private renderRows(items: readonly ExportSchedule[]) {
    if (!items.length) return renderEmpty(msg('No scheduled exports'));
    const f = this.format;
    return html`<table part="table" class="table">
      <thead><tr><th>${msg('Name')}</th><th>${msg('Schedule')}</th><th>${msg('Format')}</th><th>${msg('Delivery')}</th><th>${msg('Next run')}</th><th><span class="visually-hidden">${msg('Actions')}</span></th></tr></thead>
      <tbody>${items.map(
        (s) => html`<tr part="row${s.paused ? ' paused' : ''}" data-id=${s.id}>
        <td>${s.name}</td>
        <td><code>${s.cron}</code> <span class="muted">${s.timeZone}</span></td>
        <td>${s.format.toUpperCase()}</td>
        <td>${s.delivery.kind === 'email' ? s.delivery.to.join(', ') : s.delivery.kind === 'webhook' ? msg('Webhook') : msg('Kept for download')}</td>
        <td>${s.paused ? html`<span class="muted">${msg('Paused')}</span>` : f.dateTime(s.nextRunAt)}</td>
        <td><button part="toggle" class="button" type="button" ?disabled=${this.busy} @click=${() => this.setPaused(s.id, !s.paused)}>
          ${s.paused ? msg('Resume') : msg('Pause')}
        </button></td>
      </tr>`,
      )}</tbody>
    </table>`;
  }

  private renderForm() {
    return html`<form part="form" class="form" @submit=${this.onSubmit} aria-label=${msg('New scheduled export')}>
      <label>${msg('Name')}<input name="name" required maxlength="200" /></label>
      <label>${msg('Cron expression')}<input name="cron" required placeholder="0 7 * * 1" /></label>
      <label>${msg('Time zone')}<input name="timeZone" value="UTC" required /></label>
      <label>${msg('Format')}<select name="format"><option value="csv">CSV</option><option value="xlsx">Excel</option></select></label>
      <label>${msg('Email to (empty: keep for download)')}<input name="email" type="email" /></label>
      <button class="button" type="submit" ?disabled=${this.busy}>${msg('Schedule export')}</button>
    </form>
    ${this.failure ? html`<p part="error" class="error" role="alert">${this.describe(this.failure)}</p>` : nothing}`;
  }

  protected override render() {
    if (this.permissions.error !== undefined) return renderError(this.permissions.error, { retry: () => this.permissions.retry() });
    if (!this.permissions.can('export')) return nothing;
    return html`${this.task.render({
      pending: () => (this.task.value ? this.renderRows(this.task.value) : renderLoading(msg('Loading scheduled exports…'))),
      complete: (items) => this.renderRows(items),
      error: (error) => renderError(error, { retry: () => this.task.run() }),
    })}
      ${this.renderForm()}`;
  }
}
