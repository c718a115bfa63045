import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { C360ApiError, type C360Client } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { renderError } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { PermissionsController } from '../base/permissions.js';
import styles from './export-button.styles.js';

export type ExportFormat = 'pdf' | 'csv';
/** A downloaded export: `{blob, filename, contentType}`. */
export type ExportFile = Awaited<ReturnType<C360Client['exportCustomer']>>;

/** Detail of `c360-exported`: the file that was downloaded. */
export interface C360ExportedDetail {
  customerId: string;
  format: ExportFormat;
  filename: string;
  blob: Blob;
}

declare module '../base/events.js' {
  interface C360EventMap {
    'c360-exported': C360ExportedDetail;
  }
}
declare global {
  interface HTMLElementEventMap {
    'c360-exported': CustomEvent<C360ExportedDetail>;
  }
  interface DocumentEventMap {
    'c360-exported': CustomEvent<C360ExportedDetail>;
  }
}

const LABEL: Record<ExportFormat, string> = { pdf: 'PDF', csv: 'CSV' };

/**
 * @summary Export (R17): downloads the customer as a PDF report or a CSV file (metrics and order
 * history), both stamped by the server with the export time and the caller (and audited).
 *
 * Two buttons side by side, "Export PDF" and "Export CSV". A click fetches the file through the SDK
 * (`exportCustomer`) and saves it under the server's file name (an object URL and a temporary
 * `<a download>`). The button says "Exporting…" meanwhile; a failure is shown beside the buttons.
 * Hidden (renders nothing) when the token's role lacks the `export` permission (R19.3; agents and
 * viewers).
 *
 * @attr customer-id - The customer to export.
 *
 * @fires {CustomEvent<C360ExportedDetail>} c360-exported - A file was downloaded; `detail` = `{customerId, format, filename, blob}`. Bubbles, composed.
 *
 * @csspart base - The group of buttons.
 * @csspart button - An export button (also `button-pdf`, `button-csv`).
 * @csspart error - Why the last export failed.
 * @csspart state - The access-denied state when the token is refused.
 * @csspart retry - The Retry button of an error state.
 */
export class ExportButtonElement extends C360CustomerElement {
  static override styles = [baseStyles, styles];

  /** The format being exported, if any. */
  @state() private busy?: ExportFormat;
  @state() private error?: string;

  private readonly permissions = new PermissionsController(this);

  /** Whether the current token may export (false until `GET /me` answered). */
  get allowed(): boolean {
    return this.permissions.can('export');
  }

  /** Fetches the export in `format` and saves it; resolves to the file, or undefined on failure (shown). */
  async export(format: ExportFormat): Promise<ExportFile | undefined> {
    const id = this.customerId;
    if (!id || this.busy) return undefined;
    this.busy = format;
    this.error = undefined;
    try {
      const file = await this.requireClient(this.client).exportCustomer(id, format);
      // The file name comes from Content-Disposition; when the browser hides that header (CORS),
      // fall back to the server's pattern with today's date.
      const filename = file.filename.toLowerCase().endsWith(`.${format}`) ? file.filename : `c360-${id}-${new Date().toISOString().slice(0, 10)}.${format}`;
      this.save({ ...file, filename });
      this.emit('c360-exported', { customerId: id, format, filename, blob: file.blob });
      return { ...file, filename };
    } catch (error) {
      this.error = this.describe(format, error);
      return undefined;
    } finally {
      this.busy = undefined;
    }
  }

  /** Saves a file the way a link would: an object URL on a temporary `<a download>`. */
  private save(file: ExportFile) {
    const url = URL.createObjectURL(file.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = file.filename;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    try {
      a.click();
    } finally {
      a.remove();
      // Revoked later: the download starts asynchronously.
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    }
  }

  private describe(format: ExportFormat, error: unknown): string {
    const lead = `The ${LABEL[format]} export failed:`;
    if (error instanceof C360ApiError) {
      if (error.isAccessDenied) return `${lead} access denied (HTTP ${error.status}). Ask an administrator for a token that may export.`;
      const status = error.status ? ` (HTTP ${error.status})` : '';
      return `${lead} ${error.problem.title}${status}${error.problem.detail ? `. ${error.problem.detail}` : ''}`;
    }
    return `${lead} ${error instanceof Error ? error.message : String(error)}`;
  }

  protected override render() {
    if (!this.customerId) return nothing;
    if (this.permissions.error !== undefined) return renderError(this.permissions.error, { retry: () => this.permissions.retry() });
    if (!this.allowed) return nothing;
    return html`<div part="base" class="base" role="group" aria-label="Export customer" aria-busy=${this.busy ? 'true' : 'false'}>
        ${(['pdf', 'csv'] as const).map(
          (format) => html`<button part="button button-${format}" class="button" type="button" data-format=${format} ?disabled=${!!this.busy} @click=${() => this.export(format)}>
            ${this.busy === format ? 'Exporting…' : `Export ${LABEL[format]}`}
          </button>`,
        )}
      </div>
      ${this.error ? html`<p part="error" class="error" role="alert">${this.error}</p>` : nothing}`;
  }
}
