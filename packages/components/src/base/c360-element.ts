import { LitElement, type ReactiveController } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { C360Client } from '@c360/sdk';
import { c360ConfigContext, getGlobalConfig, onConfigure, sharedClient, waitingClient, type C360Config } from './config.js';
import { formatter, type Formatter } from './format.js';
import { directionOf, languageOf, useLanguage, type C360Language } from './localize.js';
import type { C360EventMap } from './events.js';

/** `light`, `dark`, `auto` (follows `prefers-color-scheme`) or `host` (the page's color-scheme, system colours and font). */
export type C360Theme = 'light' | 'dark' | 'auto' | 'host';

/**
 * Base class of every c360 element: the shared configuration (`api-base`, `token`, `locale`),
 * the SDK client, a typed `emit()` and locale-aware formatting.
 *
 * Configuration resolves per field: the element's attribute > the nearest `<c360-provider>` >
 * `configure()`.
 *
 * Language: the resolved locale (`locale` attribute > provider > `configure()` > `<html lang>` >
 * browser) picks the words (en, fr or ar; @lit/localize, page-global: the last element whose
 * language changes sets it for all) and the formats (Intl, per element). In Arabic the element
 * sets `dir="rtl"` on itself unless the page author gave it a `dir`.
 *
 * @cssprop [--c360-font-family=inherit] - Font of the element (inherits the host page's font).
 * @cssprop [--c360-color-bg=#ffffff] - Background of cards and sections.
 * @cssprop [--c360-color-surface=#f5f6f8] - Subtle background (chips, table header, skeleton track).
 * @cssprop [--c360-color-text=#111827] - Main text colour.
 * @cssprop [--c360-color-text-muted=#4b5563] - Secondary text (labels, dates).
 * @cssprop [--c360-color-border=#d1d5db] - Borders and dividers.
 * @cssprop [--c360-color-accent=#1d4ed8] - Links, focus, primary buttons, gauge fill.
 * @cssprop [--c360-color-on-accent=#ffffff] - Text on accent backgrounds.
 * @cssprop [--c360-color-success=#15803d] - Good states (healthy, low risk).
 * @cssprop [--c360-color-warning=#b45309] - Middling states (fair, medium risk).
 * @cssprop [--c360-color-danger=#b91c1c] - Bad states (poor, high risk, errors).
 * @cssprop [--c360-color-on-danger=#ffffff] - Text on danger backgrounds (destructive buttons).
 * @cssprop [--c360-color-backdrop=rgb(17 24 39 / 0.5)] - Behind open dialogs.
 * @cssprop [--c360-shadow=0 10px 40px rgb(0 0 0 / 0.3)] - Shadow of dialogs and popups.
 * @cssprop [--c360-radius=0.5rem] - Corner radius of cards and controls.
 * @cssprop [--c360-space=1rem] - Base spacing unit; other gaps are fractions of it.
 */
export class C360Element extends LitElement {
  /** Base URL of the API including `/api` (e.g. `/api`). Overrides provider and `configure()`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Bearer token sent with every request. Overrides provider and `configure()`. */
  @property() token?: string;

  /** BCP 47 locale for numbers, money and dates (default: provider, `configure()`, `<html lang>`, browser). */
  @property() locale?: string;

  /**
   * Colour theme: `light` (default), `dark`, `auto` (follows `prefers-color-scheme`), or `host`: the
   * host page's own tokens — its `color-scheme` through the system colours (Canvas, CanvasText,
   * LinkText), its font, light or dark status colours. Any `--c360-*` property set by the page wins.
   */
  @property({ reflect: true }) theme?: C360Theme;

  /** Configuration from the nearest `<c360-provider>`, if any. */
  @consume({ context: c360ConfigContext, subscribe: true })
  @state()
  protected providerConfig?: C360Config;

  private stopListening?: () => void;
  /** The language this element last asked for (forgotten on disconnect, so connecting asks again). */
  private language?: C360Language;
  /** The `dir` this element set on itself (an author's `dir` is never touched). */
  private ownDir?: string;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    // A controller, not a willUpdate() override: subclasses override the lifecycle without super.
    const language: ReactiveController = { hostUpdate: () => this.applyLanguage() };
    this.addController(language);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopListening = onConfigure(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
    this.language = undefined;
  }

  /**
   * Before each update: asks for the resolved locale's language when it changed (the words follow
   * once its translations load) and keeps the host's direction in step (`dir="rtl"` in Arabic).
   */
  private applyLanguage(): void {
    const language = languageOf(this.config.locale);
    if (language === this.language) return;
    this.language = language;
    useLanguage(language).catch((error: unknown) => console.warn(`c360: could not load the "${language}" translations`, error));
    const authorDir = this.hasAttribute('dir') && this.getAttribute('dir') !== this.ownDir;
    if (authorDir) return;
    const dir = directionOf(language);
    if (dir === 'rtl') this.setAttribute('dir', (this.ownDir = dir));
    else if (this.ownDir) {
      this.removeAttribute('dir');
      this.ownDir = undefined;
    }
  }

  /** The configuration in effect: attribute > provider > `configure()`, field by field. */
  get config(): C360Config {
    const provided = this.providerConfig ?? {};
    const global = getGlobalConfig();
    return {
      apiBase: this.apiBase || provided.apiBase || global.apiBase,
      token: this.token || provided.token || global.token,
      locale: this.locale || provided.locale || global.locale || document.documentElement.lang || undefined,
    };
  }

  /**
   * The SDK client for the configured API (shared by every element with the same API and token);
   * while the page's token is pending (`tokenPending` and no token yet), one that sends nothing.
   */
  get client(): C360Client | undefined {
    const { apiBase, token } = this.config;
    if (!token && getGlobalConfig().tokenPending) return waitingClient(apiBase ?? '');
    return apiBase ? sharedClient(apiBase, token) : undefined;
  }

  /** Formatting in the configured locale. */
  protected get format(): Formatter {
    return formatter(this.config.locale);
  }

  /** The client, or an error that says how to configure one (rendered as the error state). */
  protected requireClient(client: C360Client | undefined): C360Client {
    if (!client) {
      throw new Error(
        `<${this.localName}> has no API: set its api-base attribute, wrap it in <c360-provider api-base="…">, or call configure({ apiBase }).`,
      );
    }
    return client;
  }

  /**
   * Dispatches a bubbling, composed event with a typed detail. Returns the event so a caller can
   * check `defaultPrevented` when it is cancelable.
   */
  emit<K extends keyof C360EventMap>(
    name: K,
    detail: C360EventMap[K],
    options: { cancelable?: boolean } = {},
  ): CustomEvent<C360EventMap[K]> {
    const event = new CustomEvent(name, { bubbles: true, composed: true, cancelable: options.cancelable ?? false, detail });
    this.dispatchEvent(event);
    return event;
  }
}
