import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { c360ConfigContext, type C360Config } from '../base/config.js';

/**
 * @summary Shares `api-base`, `token` and `locale` with every c360 element inside it.
 *
 * An element's own attribute still wins over the provider; the provider wins over `configure()`.
 * Providers can be nested; the nearest one answers.
 *
 * @slot - The elements that use this configuration.
 */
export class C360ProviderElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the API including `/api`, e.g. `/api`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Bearer token for every element inside. */
  @property() token?: string;

  /** BCP 47 locale for numbers, money and dates, e.g. `fr-FR`. */
  @property() locale?: string;

  /** The provided configuration (derived from the attributes above). */
  @provide({ context: c360ConfigContext })
  @property({ attribute: false })
  config: C360Config = {};

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('token') || changed.has('locale')) {
      this.config = { apiBase: this.apiBase, token: this.token, locale: this.locale };
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
