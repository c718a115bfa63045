/**
 * The segment builder's live count ("1,234 customers match, e.g. …", "10,000+ customers match",
 * "Counting…", why it failed) and the words for a refused save.
 * @module
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { C360ApiError, type SegmentPreview } from '@c360/sdk';
import type { Formatter } from '../base/format.js';

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
export function renderPreview(
  f: Formatter,
  state: 'idle' | 'loading' | 'error',
  preview: SegmentPreview | undefined,
  error: unknown,
  valid: boolean,
): TemplateResult {
  if (!valid) {
    return html`<p part="preview" class="preview muted" role="status" data-state="invalid">${msg('Complete the conditions to see how many customers match.')}</p>`;
  }
  if (state === 'loading')
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
