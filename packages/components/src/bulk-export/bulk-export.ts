import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { property, state } from 'lit/decorators.js';
import { C360ApiError, type BulkExportQuery } from '@c360/sdk';
import { C360Element } from '../base/c360-element.js';
import { renderError } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { PermissionsController } from '../base/permissions.js';
import { saveFile } from '../base/download.js';
import { languageOf } from '../base/localize.js';
import exportStyles from '../export-button/export-button.styles.js';
import styles from './bulk-export.styles.js';

/** Detail of `c360-bulk-exported`: the CSV that was downloaded. */
export interface C360BulkExportedDetail {
  /** The filters exported (those of GET /customers, without paging). */
  query: BulkExportQuery;
  /** Customer rows in the file. */
  rows: number;
  filename: string;
  blob: Blob;
  /** The file's language as the server answered it (`Content-Language`: `en`, `fr`, `ar`); undefined when it did not say. */
  language?: string;
}

declare module '../base/events.js' {
  interface C360EventMap {
    'c360-bulk-exported': C360BulkExportedDetail;
  }
}
declare global {
  interface HTMLElementEventMap {
    'c360-bulk-exported': CustomEvent<C360BulkExportedDetail>;
  }
}

/** `country=France&tier=gold` ↔ `{country: 'France', tier: 'gold'}` for the `query` attribute. */
const queryConverter = {
  fromAttribute: (value: string | null): BulkExportQuery => Object.fromEntries(new URLSearchParams(value ?? '')) as BulkExportQuery,
  toAttribute: (value: BulkExportQuery) =>
    new URLSearchParams(
      Object.entries(value ?? {})
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => [k, String(v)]),
    ).toString(),
};

/**
 * @summary Export many customers (R17): every customer matching a search or a segment as one CSV,
 * streamed by the server, with a progress bar and Cancel.
 *
 * A button "Export customers (CSV)". A click streams `GET /customers/export.csv` with the filters
 * of `query` through the SDK (`exportCustomers`), its comment line and header in the language of the element's resolved
 * locale (unless `query` names a `locale`); meanwhile a progress bar shows the customer rows
 * received out of the match count, and Cancel stops the download. The file is then saved under the
 * server's name. The server audits each export. Hidden when the token's role lacks the `export`
 * permission (R19.3).
 *
 * @attr query - The filters of GET /customers as a URL query (`country=France&segment=rfm:champions`); or set the `query` property.
 *
 * @fires {CustomEvent<C360BulkExportedDetail>} c360-bulk-exported - The CSV was downloaded; `detail` = `{query, rows, filename, blob, language}`. Bubbles, composed.
 *
 * @csspart base - The group of controls.
 * @csspart button - The export button.
 * @csspart progress - The progress bar while the file streams.
 * @csspart status - "1,200 of 4,338 customers" beside the bar.
 * @csspart cancel - The Cancel button while exporting.
 * @csspart error - Why the last export failed.
 * @csspart state - The access-denied state when the token is refused.
 * @csspart retry - The Retry button of an error state.
 */
export class BulkExportElement extends C360Element {
  static override styles = [baseStyles, exportStyles, styles];

  /** The filters of GET /customers to export (search text, segment, tier, tag, country, dates, CLV, orders, sort). */
  @property({ converter: queryConverter }) query: BulkExportQuery = {};

  /** Rows received and the total while exporting; undefined when idle. */
  @state() private progress?: { rows: number; total: number | undefined };
  @state() private failure?: unknown;

  private controller?: AbortController;
  private readonly permissions = new PermissionsController(this);

  /** Whether the current token may export (false until `GET /me` answered). */
  get allowed(): boolean {
    return this.permissions.can('export');
  }

  /** Streams the export and saves it; resolves to the rows saved, or undefined when it failed or was cancelled. */
  async export(): Promise<number | undefined> {
    if (this.progress) return undefined;
    const query = { ...this.query };
    this.failure = undefined;
    this.progress = { rows: 0, total: undefined };
    this.controller = new AbortController();
    try {
      const file = await this.requireClient(this.client).exportCustomers(
        { ...query, locale: query.locale || languageOf(this.config.locale) },
        {
          signal: this.controller.signal,
          onProgress: (rows, total) => (this.progress = { rows, total }),
        },
      );
      const rows = this.progress.rows;
      const filename = file.filename.toLowerCase().endsWith('.csv')
        ? file.filename
        : `c360-customers-${new Date().toISOString().slice(0, 10)}.csv`;
      saveFile(this.renderRoot, { blob: file.blob, filename });
      this.emit('c360-bulk-exported', { query, rows, filename, blob: file.blob, language: file.language });
      return rows;
    } catch (error) {
      if ((error as Error)?.name !== 'AbortError') this.failure = error;
      return undefined;
    } finally {
      this.progress = undefined;
      this.controller = undefined;
    }
  }

  /** Stops a running export (nothing is saved). */
  cancel(): void {
    this.controller?.abort();
  }

  private describe(error: unknown): string {
    if (error instanceof C360ApiError) {
      const status = error.status;
      if (error.isAccessDenied)
        return msg(str`The export failed: access denied (HTTP ${status}). Ask an administrator for a token that may export.`);
      const reason = `${error.problem.title}${status ? ` (HTTP ${status})` : ''}${error.problem.detail ? `. ${error.problem.detail}` : ''}`;
      return msg(str`The export failed: ${reason}`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    return msg(str`The export failed: ${reason}`);
  }

  private renderProgress(progress: { rows: number; total: number | undefined }) {
    const f = this.format;
    const rows = f.number(progress.rows);
    const status = progress.total === undefined ? msg(str`${rows} customers`) : msg(str`${rows} of ${f.number(progress.total)} customers`);
    return html`<progress part="progress" max=${progress.total ?? nothing} value=${progress.total === undefined ? nothing : progress.rows} aria-label=${msg('Export progress')}></progress>
      <span part="status" class="status" role="status">${status}</span>
      <button part="cancel" class="button" type="button" @click=${() => this.cancel()}>${msg('Cancel')}</button>`;
  }

  protected override render() {
    if (this.permissions.error !== undefined) return renderError(this.permissions.error, { retry: () => this.permissions.retry() });
    if (!this.allowed) return nothing;
    return html`<div part="base" class="base" role="group" aria-label=${msg('Export customers')} aria-busy=${this.progress ? 'true' : 'false'}>
        <button part="button" class="button" type="button" ?disabled=${!!this.progress} @click=${() => this.export()}>
          ${this.progress ? msg('Exporting…') : msg('Export customers (CSV)')}
        </button>
        ${this.progress ? this.renderProgress(this.progress) : nothing}
      </div>
      ${this.failure ? html`<p part="error" class="error" role="alert">${this.describe(this.failure)}</p>` : nothing}`;
  }
}
