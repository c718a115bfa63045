import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { msg, str } from '@lit/localize';
import { C360CustomerElement } from '../base/customer-element.js';
import { c360ConfigContext, type C360Config } from '../base/config.js';
import { renderEmpty, renderError } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import '../customer-profile/define.js';
import '../customer-metrics/define.js';
import '../health-gauge/define.js';
import '../churn-risk/define.js';
import '../order-history/define.js';
import '../payment-methods/define.js';
import '../behavior-analytics/define.js';
import '../loyalty-status/define.js';
import '../marketing-engagement/define.js';
import '../support-tickets/define.js';
import '../customer-timeline/define.js';
import '../customer-notes/define.js';
import '../customer-follow-ups/define.js';
import '../customer-tags/define.js';
import '../customer-segments/define.js';
import '../quick-actions/define.js';
import '../export-button/define.js';
import '../audit-log/define.js';
import { PermissionsController } from '../base/permissions.js';
import type { C360ActionCompletedDetail, QuickAction } from '../quick-actions/quick-actions.js';
import styles from './customer-360.styles.js';

/**
 * The sections, most important first (the order of the single column on narrow screens); `title()`
 * gives the heading in the active language.
 */
export const SECTIONS = [
  { id: 'metrics', title: () => msg('Key metrics') },
  { id: 'health', title: () => msg('Health score') },
  { id: 'churn', title: () => msg('Churn risk') },
  { id: 'orders', title: () => msg('Orders') },
  { id: 'timeline', title: () => msg('Timeline') },
  { id: 'support', title: () => msg('Support') },
  { id: 'notes', title: () => msg('Notes') },
  { id: 'followups', title: () => msg('Follow-ups') },
  { id: 'tags', title: () => msg('Tags') },
  { id: 'segments', title: () => msg('Segments') },
  { id: 'loyalty', title: () => msg('Loyalty') },
  { id: 'payments', title: () => msg('Payments') },
  { id: 'marketing', title: () => msg('Marketing') },
  { id: 'behavior', title: () => msg('Behaviour') },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

/** The section each quick action changes (the timeline changes for all). */
const ACTION_SECTION: Record<QuickAction, SectionId> = {
  email: 'marketing',
  ticket: 'support',
  points: 'loyalty',
  note: 'notes',
  followUp: 'followups',
};

const listConverter = {
  fromAttribute: (value: string | null) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  toAttribute: (value: string[]) => value.join(','),
};

/**
 * @summary The whole customer 360 view for one `customer-id`: the profile as header, then key
 * metrics, health, churn risk, orders, timeline, support, notes, open follow-ups, tags, segments,
 * loyalty, payments, marketing and behaviour in collapsible sections.
 *
 * A grid on wide containers; a single column, most important first, when the element itself is
 * narrower than 600px (a container query, so it follows the space it is given, not the window).
 * If the customer cannot be loaded, one error (or access-denied) state replaces all sections.
 *
 * @attr customer-id - The customer to show.
 *
 * @slot actions - Host content in the header beside the profile (e.g. buttons).
 * @slot - Extra sections appended after the built-in ones (they become grid items).
 *
 * @fires {CustomEvent<C360NavigateDetail>} c360-navigate - From the orders, payments, support, timeline and tags sections. Cancelable, bubbles, composed.
 * @fires {CustomEvent<C360NoteAddedDetail>} c360-note-added - From the notes section. Bubbles, composed.
 * @fires {CustomEvent<C360FollowUpChangedDetail>} c360-follow-up-changed - From the follow-ups section (one marked done). Bubbles, composed.
 * @fires {CustomEvent<C360TagsChangedDetail>} c360-tags-changed - From the tags section. Bubbles, composed.
 * @fires {CustomEvent<C360SegmentsChangedDetail>} c360-segments-changed - From the segments section. Bubbles, composed.
 * @fires {CustomEvent<C360ActionCompletedDetail>} c360-action-completed - From the quick actions in the header; the touched sections and the timeline refresh. Bubbles, composed.
 * @fires {CustomEvent<C360ExportedDetail>} c360-exported - From the export button in the header. Bubbles, composed.
 *
 * @csspart base - The wrapper.
 * @csspart header - The header with the profile and the actions slot.
 * @csspart profile - The `<customer-profile>` element.
 * @csspart quick-actions - The `<quick-actions>` element in the header.
 * @csspart export - The `<export-button>` element in the header.
 * @csspart audit-toggle - The "Audit log" button in the header (roles with `audit:read`: manager, admin).
 * @csspart audit - The panel under the header with the customer's `<audit-log>`, while open.
 * @csspart grid - The grid of sections.
 * @csspart section - One section (also `section-metrics`, `section-health`, … by id).
 * @csspart section-toggle - The button in a section's heading that collapses it (`aria-expanded`).
 * @csspart section-body - A section's content.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of the error state.
 *
 * @cssprop [--c360-section-gap=1rem] - Gap between sections.
 */
export class Customer360Element extends C360CustomerElement {
  static override styles = [baseStyles, styles];

  /** Link template for orders, passed to the orders, payments and timeline sections, e.g. `/orders/{id}`. */
  @property({ attribute: 'order-href' }) orderHref?: string;

  /** Link template for tickets, passed to the support and timeline sections, e.g. `/tickets/{id}`. */
  @property({ attribute: 'ticket-href' }) ticketHref?: string;

  /** Link template for "customers with this tag", passed to the tags section as `filter-href`, e.g. `/customers?tag={id}`. */
  @property({ attribute: 'tag-href' }) tagHref?: string;

  /** Ids of the collapsed sections (attribute: comma-separated, e.g. `orders,timeline`). */
  @property({ converter: listConverter }) collapsed: string[] = [];

  // Fetched here too (one request shared with the sections) so that a missing customer or a
  // refused token shows one message instead of one per section.
  private readonly task = this.customer360Task();
  private readonly permissions = new PermissionsController(this);
  /** Whether the customer's audit log panel is open. */
  @state() private auditOpen = false;

  /**
   * Reloads sections: each one's `refresh()` when it has one, else its `customer-id` is unset and
   * set again (its task runs anew).
   */
  async refreshSections(ids: readonly SectionId[]): Promise<void> {
    const elements = ids.map((id) =>
      this.renderRoot.querySelector<HTMLElement & { customerId?: string; refresh?: () => unknown }>(`#body-${id} > *`),
    );
    await Promise.all(
      elements.map(async (el) => {
        if (!el) return;
        if (typeof el.refresh === 'function') return el.refresh();
        const id = el.customerId;
        el.customerId = undefined;
        await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
        el.customerId = id;
      }),
    );
  }

  /** A quick action succeeded: refresh the section it touched and the timeline. */
  private onActionCompleted(event: CustomEvent<C360ActionCompletedDetail>) {
    void this.refreshSections([ACTION_SECTION[event.detail.action], 'timeline']);
  }

  /** Collapses or expands a section. */
  toggleSection(id: SectionId, expand = this.collapsed.includes(id)): void {
    this.collapsed = expand ? this.collapsed.filter((c) => c !== id) : [...this.collapsed, id];
  }

  protected override render() {
    if (!this.customerId) return renderEmpty(msg('No customer selected.'));
    return this.task.render({
      error: (error) => renderError(error, { retry: () => this.task.run(), what: msg(str`Customer "${this.customerId}"`) }),
      initial: () => this.renderLayout(),
      pending: () => this.renderLayout(),
      complete: () => this.renderLayout(),
    });
  }

  /**
   * Its configuration (API, token, locale), provided to the sections in its shadow root as a
   * `<c360-provider>` would: they carry only `customer-id`, `theme` and their links.
   */
  private readonly sectionConfig = new ContextProvider(this, { context: c360ConfigContext, initialValue: {} as C360Config });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const next = this.config;
    const current = this.sectionConfig.value ?? {};
    if (next.apiBase !== current.apiBase || next.token !== current.token || next.locale !== current.locale)
      this.sectionConfig.setValue(next);
  }

  private renderLayout() {
    const id = this.customerId;
    const theme = this.theme ?? nothing;
    const sections: Record<SectionId, TemplateResult> = {
      metrics: html`<customer-metrics customer-id=${id!} theme=${theme}></customer-metrics>`,
      health: html`<health-gauge customer-id=${id!} theme=${theme}></health-gauge>`,
      churn: html`<churn-risk customer-id=${id!} theme=${theme}></churn-risk>`,
      orders: html`<order-history customer-id=${id!} order-href=${this.orderHref ?? nothing} theme=${theme}></order-history>`,
      payments: html`<payment-methods customer-id=${id!} order-href=${this.orderHref ?? nothing} theme=${theme}></payment-methods>`,
      behavior: html`<behavior-analytics customer-id=${id!} theme=${theme}></behavior-analytics>`,
      loyalty: html`<loyalty-status customer-id=${id!} theme=${theme}></loyalty-status>`,
      marketing: html`<marketing-engagement customer-id=${id!} theme=${theme}></marketing-engagement>`,
      support: html`<support-tickets customer-id=${id!} ticket-href=${this.ticketHref ?? nothing} theme=${theme}></support-tickets>`,
      notes: html`<customer-notes customer-id=${id!} theme=${theme}></customer-notes>`,
      followups: html`<customer-follow-ups customer-id=${id!} theme=${theme}></customer-follow-ups>`,
      tags: html`<customer-tags customer-id=${id!} filter-href=${this.tagHref ?? nothing} theme=${theme}></customer-tags>`,
      segments: html`<customer-segments customer-id=${id!} theme=${theme}></customer-segments>`,
      timeline: html`<customer-timeline
        customer-id=${id!}
        order-href=${this.orderHref ?? nothing}
        ticket-href=${this.ticketHref ?? nothing}
        theme=${theme}
      ></customer-timeline>`,
    };
    return html`<div part="base" class="base">
      <header part="header" class="header card">
        <customer-profile part="profile" customer-id=${id!} theme=${theme}></customer-profile>
        <div class="actions" @c360-action-completed=${this.onActionCompleted}>
          <quick-actions part="quick-actions" customer-id=${id!} theme=${theme}></quick-actions>
          <export-button part="export" customer-id=${id!} theme=${theme}></export-button>
          ${
            this.permissions.can('audit:read')
              ? html`<button part="audit-toggle" class="button secondary audit-toggle" type="button" aria-expanded=${this.auditOpen ? 'true' : 'false'}
                aria-controls="audit-panel" @click=${() => (this.auditOpen = !this.auditOpen)}>${msg('Audit log')}</button>`
              : nothing
          }
          <slot name="actions"></slot>
        </div>
      </header>
      ${
        this.auditOpen && this.permissions.can('audit:read')
          ? html`<section part="audit" class="card audit" id="audit-panel" aria-label=${msg('Audit log')}>
            <audit-log customer-id=${id!} theme=${theme}></audit-log>
          </section>`
          : nothing
      }
      <div part="grid" class="grid">
        ${SECTIONS.map((s) => this.renderSection(s.id, s.title(), sections[s.id]))}
        <slot></slot>
      </div>
    </div>`;
  }

  private renderSection(id: SectionId, title: string, content: TemplateResult) {
    const expanded = !this.collapsed.includes(id);
    return html`<section part="section section-${id}" class="section card" data-section=${id} aria-labelledby="heading-${id}">
      <h2 class="section-title" id="heading-${id}">
        <button part="section-toggle" class="toggle" type="button" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="body-${id}" @click=${() => this.toggleSection(id)}>
          <span>${title}</span>
          <svg class="chevron" viewBox="0 0 24 24" aria-hidden="true"><path d="m6 9 6 6 6-6" /></svg>
        </button>
      </h2>
      <div part="section-body" class="section-body" id="body-${id}" ?hidden=${!expanded}>${content}</div>
    </section>`;
  }
}
