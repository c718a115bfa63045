import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { state } from 'lit/decorators.js';
import { C360ApiError, type C360Client } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { renderError } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { PermissionsController } from '../base/permissions.js';
import { saveFile } from '../base/download.js';
import { languageOf } from '../base/localize.js';
import styles from './export-button.styles.js';

export type ExportFormat = 'pdf' | 'csv' | 'xlsx';

/** The formats offered, in button order. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['pdf', 'csv', 'xlsx'];
/** A downloaded export: `{blob, filename, contentType, language}`. */
export type ExportFile = Awaited<ReturnType<C360Client['exportCustomer']>>;

/** Detail of `c360-exported`: the file that was downloaded. */
export interface C360ExportedDetail {
  customerId: string;
  format: ExportFormat;
  filename: string;
  blob: Blob;
  /** The file's language as the server answered it (`Content-Language`: `en`, `fr`, `ar`); undefined when it did not say. */
  language?: string;
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

const LABEL: Record<ExportFormat, string> = { pdf: 'PDF', csv: 'CSV', xlsx: 'Excel' };

/** The button label of a format, e.g. "Export PDF". */
function exportLabel(format: ExportFormat): string {
  return format === 'pdf' ? msg('Export PDF') : format === 'csv' ? msg('Export CSV') : msg('Export Excel');
}

/**
 * @summary Export (R17, 003): downloads the customer as a PDF report, a CSV file (metrics and order
 * history) or an Excel workbook (a sheet per section), each stamped by the server with the export
 * time and the caller (and audited).
 *
 * Three buttons side by side, "Export PDF", "Export CSV" and "Export Excel". A click fetches the file through the SDK
 * (`exportCustomer`) in the language of the element's resolved locale (`fr-FR` → a French file, whatever the
 * browser's `Accept-Language`) and saves it under the server's file name (an object URL and a temporary
 * `<a download>`). The button says "Exporting…" meanwhile; a failure is shown beside the buttons.
 * Hidden (renders nothing) when the token's role lacks the `export` permission (R19.3; agents and
 * viewers).
 *
 * @attr customer-id - The customer to export.
 *
 * @fires {CustomEvent<C360ExportedDetail>} c360-exported - A file was downloaded; `detail` = `{customerId, format, filename, blob, language}`. Bubbles, composed.
 *
 * @csspart base - The group of buttons.
 * @csspart button - An export button (also `button-pdf`, `button-csv`, `button-xlsx`).
 * @csspart error - Why the last export failed.
 * @csspart state - The access-denied state when the token is refused.
 * @csspart retry - The Retry button of an error state.
 */
export class ExportButtonElement extends C360CustomerElement {
  static override styles = [baseStyles, styles];

  /** The format being exported, if any. */
  @state() private busy?: ExportFormat;
  /** The last failed export, described at render time (in the current locale). */
  @state() private failure?: { format: ExportFormat; error: unknown };

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
    this.failure = undefined;
    try {
      const file = await this.requireClient(this.client).exportCustomer(id, { format, locale: languageOf(this.config.locale) });
      // The file name comes from Content-Disposition; when the browser hides that header (CORS),
      // fall back to the server's pattern with today's date.
      const filename = file.filename.toLowerCase().endsWith(`.${format}`)
        ? file.filename
        : `c360-${id}-${new Date().toISOString().slice(0, 10)}.${format}`;
      saveFile(this.renderRoot, { blob: file.blob, filename });
      this.emit('c360-exported', { customerId: id, format, filename, blob: file.blob, language: file.language });
      return { ...file, filename };
    } catch (error) {
      this.failure = { format, error };
      return undefined;
    } finally {
      this.busy = undefined;
    }
  }

  private describe({ format, error }: { format: ExportFormat; error: unknown }): string {
    const label = LABEL[format];
    if (error instanceof C360ApiError) {
      if (error.isAccessDenied) {
        const status = error.status;
        return msg(str`The ${label} export failed: access denied (HTTP ${status}). Ask an administrator for a token that may export.`);
      }
      const status = error.status ? ` (HTTP ${error.status})` : '';
      const reason = `${error.problem.title}${status}${error.problem.detail ? `. ${error.problem.detail}` : ''}`;
      return msg(str`The ${label} export failed: ${reason}`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    return msg(str`The ${label} export failed: ${reason}`);
  }

  protected override render() {
    if (!this.customerId) return nothing;
    if (this.permissions.error !== undefined) return renderError(this.permissions.error, { retry: () => this.permissions.retry() });
    if (!this.allowed) return nothing;
    return html`<div part="base" class="base" role="group" aria-label=${msg('Export customer')} aria-busy=${this.busy ? 'true' : 'false'}>
        ${EXPORT_FORMATS.map(
          (
            format,
          ) => html`<button part="button button-${format}" class="button" type="button" data-format=${format} ?disabled=${!!this.busy} @click=${() => this.export(format)}>
            ${this.busy === format ? msg('Exporting…') : exportLabel(format)}
          </button>`,
        )}
      </div>
      ${this.failure ? html`<p part="error" class="error" role="alert">${this.describe(this.failure)}</p>` : nothing}`;
  }
}
