/**
 * The segment builder's live count: {@link PreviewController} asks `POST /segments/preview` a
 * moment after the last change (aborting the request in flight), and {@link renderPreview} shows
 * "1,234 customers match, e.g. …", "More than 10,000 customers match.", "Counting…" or why it
 * failed. Also the words for a refused save.
 * @module
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { C360ApiError, type C360Client, type SegmentCriteria, type SegmentPreview } from '@c360/sdk';
import type { Formatter } from '../base/format.js';

/** Milliseconds the preview waits after the last change before asking the API. */
export const PREVIEW_DEBOUNCE_MS = 400;

/** Where the preview is: nothing to count, waiting or counting, failed, or a count. */
export type PreviewState = 'idle' | 'loading' | 'error';

/**
 * Debounced, abortable `POST /segments/preview` for a host element: {@link schedule} after every
 * change; only the last criteria's answer is kept. `client` throws when the host has no API (shown
 * as the error); `onError` lets the host put the API's per-field messages on its rows.
 */
export class PreviewController implements ReactiveController {
  state: PreviewState = 'idle';
  preview?: SegmentPreview;
  error?: unknown;
  private timer?: ReturnType<typeof setTimeout>;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => C360Client,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Counts `criteria` in {@link PREVIEW_DEBOUNCE_MS} (undefined: nothing to count); cancels the previous one. */
  schedule(criteria: SegmentCriteria | undefined): void {
    this.cancel();
    this.preview = undefined;
    this.state = criteria ? 'loading' : 'idle';
    if (criteria) this.timer = setTimeout(() => void this.run(criteria), PREVIEW_DEBOUNCE_MS);
    this.host.requestUpdate();
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    this.abort = undefined;
  }

  private async run(criteria: SegmentCriteria): Promise<void> {
    const abort = (this.abort = new AbortController());
    try {
      const preview = await this.client().previewSegment(criteria, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.preview = preview;
      this.state = 'idle';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
      this.state = 'error';
      this.onError(error);
    }
    this.host.requestUpdate();
  }
}

/** "<what failed>: <why>" for an error of the API or the network; `fields` are the API's messages no row took. */
export function describeFailure(error: unknown, fields: readonly string[] = []): string {
  let reason: string;
  if (error instanceof C360ApiError) {
    if (error.isAccessDenied) return msg(str`Not saved: access denied (HTTP ${error.status}). Ask for a token that may change segments.`);
    reason = fields.join('; ') || error.problem.detail || error.problem.title;
  } else reason = error instanceof Error ? error.message : String(error);
  return msg(str`Not saved: ${reason}`);
}

/** The preview line: its part is `preview` plus `loading`, `error` or `estimate` while so. */
export function renderPreview(f: Formatter, { state, preview, error }: PreviewController, valid: boolean): TemplateResult {
  if (!valid) {
    return html`<p part="preview" class="preview muted" role="status" data-state="invalid">${msg('Complete the conditions to see how many customers match.')}</p>`;
  }
  if (state === 'loading' || (state === 'idle' && !preview))
    return html`<p part="preview loading" class="preview muted" role="status" data-state="loading" aria-busy="true">${msg('Counting customers…')}</p>`;
  if (state === 'error' || !preview) {
    const why =
      error instanceof C360ApiError
        ? error.problem.errors?.map((e) => e.message).join('; ') || error.problem.detail || error.problem.title
        : error instanceof Error
          ? error.message
          : String(error);
    return html`<p part="preview error" class="preview preview-error" role="status" data-state="error">${msg(str`The count is not available: ${why}`)}</p>`;
  }
  const n = f.number(preview.count);
  const count = preview.countIsEstimate
    ? msg(str`More than ${n} customers match.`)
    : preview.count === 1
      ? msg('1 customer matches.')
      : msg(str`${n} customers match.`);
  const names = preview.sample.map((s) => s.name).join(', ');
  return html`<p part=${preview.countIsEstimate ? 'preview estimate' : 'preview'} class="preview" role="status" data-state="ready" data-count=${preview.count}>
    <strong class="count">${count}</strong>
    ${preview.sample.length ? html`<span class="sample muted">${msg(str`For example: ${names}`)}</span>` : ''}
  </p>`;
}
