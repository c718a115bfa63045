/**
 * The shared state templates: loading skeleton, empty, error with retry, access denied.
 * Each carries `part="state <name>"` so a host can style every element's states at once.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { C360ApiError } from '@c360/sdk';
import { msg, str } from '@lit/localize';
import { problemTitle } from './server-text-problems.js';

/** Loading skeleton: a few grey bars, announced once as `label` (default "Loading…", translated) to screen readers. */
export function renderLoading(label = msg('Loading…'), rows = 3): TemplateResult {
  return html`<div part="state loading" class="state loading" role="status" aria-live="polite">
    <span class="visually-hidden">${label}</span>
    ${Array.from({ length: rows }, (_, i) => html`<div class="bone" style="inline-size: ${90 - i * 17}%" aria-hidden="true"></div>`)}
  </div>`;
}

/** Nothing to show (no customer id, no orders, no events …). */
export function renderEmpty(message: string): TemplateResult {
  return html`<div part="state empty" class="state empty" role="status">${message}</div>`;
}

export interface ErrorStateOptions {
  /** Calls the task again (`() => this.task.run()`). */
  retry?: () => unknown;
  /** What was asked for, for a 404: e.g. `Customer "17850"` → `Customer "17850" was not found.` */
  what?: string;
}

/**
 * The error of a task: access denied (401/403) with what to do, not found (404) naming the
 * missing thing, anything else with the server's message; all but access denied offer Retry.
 */
export function renderError(error: unknown, options: ErrorStateOptions = {}): TemplateResult {
  if (error instanceof C360ApiError && error.isAccessDenied) {
    const why =
      error.status === 401
        ? msg('You are not signed in to c360, or your token has expired or is invalid.')
        : msg('Your token does not allow viewing this information.');
    return html`<div part="state denied" class="state denied" role="alert">
      <strong>${msg('Access denied')}</strong>
      <p>${why} ${msg(str`Ask an administrator for a token with the right role (HTTP ${error.status}).`)}</p>
      ${error.problem.detail ? html`<p class="detail">${error.problem.detail}</p>` : nothing}
    </div>`;
  }
  let title: string;
  let detail: string | undefined;
  if (error instanceof C360ApiError && error.isNotFound) {
    const what = options.what ?? msg('The requested record');
    title = msg(str`${what} was not found.`);
    detail = error.problem.detail;
  } else if (error instanceof C360ApiError) {
    const what = problemTitle(error.problem);
    title = error.status === 0 ? what : `${what} (HTTP ${error.status})`;
    detail = error.problem.detail;
  } else {
    title = msg('Something went wrong.');
    detail = error instanceof Error ? error.message : String(error);
  }
  return html`<div part="state error" class="state error" role="alert">
    <strong>${title}</strong>
    ${detail ? html`<p class="detail">${detail}</p>` : nothing}
    ${options.retry ? html`<button part="retry" class="button" type="button" @click=${() => options.retry?.()}>${msg('Retry')}</button>` : nothing}
  </div>`;
}
