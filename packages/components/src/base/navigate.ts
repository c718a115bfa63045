/**
 * Links to records the host page owns (orders, tickets). Navigation is the host's: a click
 * dispatches the cancelable `c360-navigate` event; with an href template (`/orders/{id}`) the
 * element renders a real link, whose navigation a listener can stop with `preventDefault()`.
 * @module
 */
import { html, type TemplateResult } from 'lit';
import type { C360Element } from './c360-element.js';
import type { C360NavigateDetail } from './events.js';

/** Fills `{id}` (and `{number}`, when given) of an href template, URL-encoded. */
export function fillHref(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? encodeURIComponent(values[key]!) : whole));
}

/**
 * A link (`<a href>` when a template is set) or a button that dispatches `c360-navigate`.
 * Modified clicks (Ctrl/Cmd/Shift, middle button) on links are left to the browser (new tab).
 */
export function renderNavigable(
  host: C360Element,
  target: C360NavigateDetail & { number?: string },
  label: unknown,
  hrefTemplate: string | undefined,
  part = 'link',
): TemplateResult {
  const detail: C360NavigateDetail = { kind: target.kind, id: target.id };
  if (hrefTemplate) {
    const href = fillHref(hrefTemplate, { id: target.id, number: target.number ?? target.id });
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const navigate = host.emit('c360-navigate', detail, { cancelable: true });
      if (navigate.defaultPrevented) event.preventDefault();
    };
    return html`<a part=${part} class="link" href=${href} @click=${onClick}>${label}</a>`;
  }
  return html`<button part=${part} class="link-button" type="button" @click=${() => host.emit('c360-navigate', detail, { cancelable: true })}>
    ${label}
  </button>`;
}
