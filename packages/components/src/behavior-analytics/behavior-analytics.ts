import { html, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type uPlot from 'uplot';
import type { BehaviorAnalytics } from '@c360/sdk';
import { LineChart, loadUPlot, uplotStyles } from '../base/charts.js';
import { NearViewportController } from '../base/near-viewport.js';
import { C360CustomerElement } from '../base/customer-element.js';
import { renderEmpty, renderError } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { chartSpecs, type ChartId } from './chart-specs.js';
import { renderHeatMap } from './heatmap.js';
import { clvSummary, csatSummary, deviceLabel, orders, sessions, units, views } from './phrases.js';
import styles from './behavior-analytics.styles.js';

interface Bar {
  id: string;
  label: string;
  /** Bar length relative to the largest (0–1). */
  ratio: number;
  /** The value in words, e.g. "22 views". */
  value: string;
}

/**
 * @summary Behavioural analytics (R10, with the CLV and CSAT trends): most viewed categories, most
 * purchased categories (or products), sessions and average session duration, device breakdown,
 * preferred shopping times as a weekday × hour heat map (UTC), and line charts of the cumulative
 * lifetime value and of the average CSAT by month.
 *
 * The heat map is a table: each cell is labelled ("Tuesday 14:00–15:00 UTC: 3 orders") and titled,
 * a legend gives the counts of each shade, and the preferred day and hour and the busiest slots are
 * written out. The charts are drawn by uPlot, loaded when the element first comes near the viewport
 * (it is not in the main bundle, and a page whose behaviour section is not seen never loads it),
 * sized to their container and removed when the element leaves the page; each has an accessible
 * name, a one-sentence summary and a data table.
 *
 * @attr customer-id - The customer to show.
 *
 * @csspart base - The wrapper.
 * @csspart summary - Sessions and average session duration.
 * @csspart devices - The device breakdown (a bar list).
 * @csspart viewed - Most viewed categories (a bar list).
 * @csspart purchased - Most purchased categories or products (a bar list).
 * @csspart bar - One bar of a bar list (label, value, bar).
 * @csspart heatmap - The weekday × hour table.
 * @csspart heatmap-cell - One hour of one weekday.
 * @csspart legend - The heat map's legend.
 * @csspart preferred - The preferred day and hour.
 * @csspart chart - A chart (the CLV one also `chart-clv`, the CSAT one `chart-csat`).
 * @csspart chart-summary - The sentence that summarises a chart.
 * @csspart chart-data - The data table of a chart (in a `<details>`).
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of an error state.
 *
 * @cssprop [--c360-chart-height=10rem] - Height of each chart.
 * @cssprop [--c360-heatmap-color=var(--c360-color-accent)] - Colour of the busiest heat-map cells (others are lighter mixes of it).
 */
export class BehaviorAnalyticsElement extends C360CustomerElement {
  static override styles = [baseStyles, uplotStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['behavior'] as const;

  private readonly task = new Task(this, {
    task: async ([id, client], { signal }) => (id ? this.requireClient(client).getAnalytics(id, { signal }) : initialState),
    args: () => [this.customerId, this.client] as const,
  });

  /** Error of loading uPlot (the charts' data tables still show). */
  @state() private chartError: unknown;

  private readonly drawn = new Map<ChartId, LineChart>();
  /** What the drawn charts show; any change redraws them. */
  private drawnFor?: { data: BehaviorAnalytics; theme: string | undefined; locale: string | undefined };
  /** Increments whenever a pending chart load must be abandoned. */
  private generation = 0;
  /** The charts (and uPlot) wait until the element is near the viewport: no chart code before it is seen. */
  private readonly viewport = new NearViewportController(this);

  /** The analytics, once loaded. */
  get analytics(): BehaviorAnalytics | undefined {
    return this.task.value;
  }

  /** The uPlot instances of the charts currently drawn (`clv`, `csat`). */
  get charts(): Partial<Record<ChartId, uPlot>> {
    return Object.fromEntries([...this.drawn].map(([id, chart]) => [id, chart.plot]));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate(); // redraw the charts removed on disconnect
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyCharts();
  }

  protected override render() {
    return this.renderTask(this.task, (data) => this.renderAnalytics(data), msg('Loading analytics…'));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    void this.syncCharts();
  }

  // ---- charts ------------------------------------------------------------------------------------

  private destroyCharts(): void {
    this.generation++;
    for (const chart of this.drawn.values()) chart.destroy();
    this.drawn.clear();
    this.drawnFor = undefined;
  }

  /** Draws the charts whose containers are rendered, once; redraws when data, theme or locale change. */
  private async syncCharts(): Promise<void> {
    const data = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    const want = data && this.isConnected ? chartSpecs({ data, format: this.format, root: this.renderRoot }) : [];
    const { theme } = this;
    const { locale } = this.config;
    const same = this.drawnFor && this.drawnFor.data === data && this.drawnFor.theme === theme && this.drawnFor.locale === locale;
    if (!same || [...this.drawn].some(([id, chart]) => !want.some((w) => w.id === id && w.container === chart.container))) {
      this.destroyCharts();
    }
    const missing = want.filter((w) => !this.drawn.has(w.id));
    if (!data || !missing.length || !this.viewport.near) return;
    const generation = this.generation;
    let UPlot;
    try {
      UPlot = await loadUPlot();
    } catch (error) {
      if (generation === this.generation) this.chartError = error;
      return;
    }
    if (generation !== this.generation) return; // data, theme or connection changed while loading
    this.chartError = undefined;
    this.drawnFor = { data, theme, locale };
    for (const w of missing) {
      if (w.container.isConnected && !this.drawn.has(w.id)) this.drawn.set(w.id, new LineChart(UPlot, w.container, w.spec));
    }
  }

  // ---- templates ---------------------------------------------------------------------------------

  private renderAnalytics(data: BehaviorAnalytics) {
    const f = this.format;
    const maxViewed = Math.max(0, ...data.topViewedCategories.map((c) => c.count));
    const maxBought = Math.max(0, ...data.topPurchased.items.map((i) => i.quantity));
    const byCategory = data.topPurchased.basis === 'category';
    const purchased = byCategory ? msg('Most purchased categories') : msg('Most purchased products');
    const month = (m: string) => f.month(m);
    return html`<div part="base" class="base">
      <div class="block engagement">
        <h3 id="engagement-heading">${msg('Sessions and devices')}</h3>
        <dl part="summary" class="summary">
          <div><dt>${msg('Sessions')}</dt><dd data-stat="sessions">${f.number(data.sessions)}</dd></div>
          <div><dt>${msg('Average session')}</dt><dd data-stat="average-duration">${this.duration(data.averageDurationSeconds)}</dd></div>
        </dl>
        ${
          data.sessions
            ? this.renderBars(
                'devices',
                msg('Sessions by device'),
                data.deviceBreakdown.map((d) => ({
                  id: d.device,
                  label: deviceLabel(d.device),
                  ratio: d.share,
                  value: `${f.percent(d.share)} · ${sessions(f, d.sessions)}`,
                })),
              )
            : renderEmpty(msg('No sessions recorded.'))
        }
      </div>

      <div class="block">
        <h3 id="viewed-heading">${msg('Most viewed categories')}</h3>
        <p class="basis">${msg('By product views')}</p>
        ${
          data.topViewedCategories.length
            ? this.renderBars(
                'viewed',
                msg('Most viewed categories'),
                data.topViewedCategories.map((c) => ({
                  id: c.id,
                  label: c.name,
                  ratio: maxViewed ? c.count / maxViewed : 0,
                  value: views(f, c.count),
                })),
              )
            : renderEmpty(msg('No product views recorded.'))
        }
      </div>

      <div class="block">
        <h3 id="purchased-heading">${purchased}</h3>
        <p class="basis" data-basis=${data.topPurchased.basis}>
          ${byCategory ? msg('By units bought in completed orders, per category') : msg('By units bought in completed orders, per product')}
        </p>
        ${
          data.topPurchased.items.length
            ? this.renderBars(
                'purchased',
                purchased,
                data.topPurchased.items.map((i) => ({
                  id: i.id,
                  label: i.name,
                  ratio: maxBought ? i.quantity / maxBought : 0,
                  value: `${units(f, i.quantity)} · ${orders(f, i.orders)}`,
                })),
              )
            : renderEmpty(msg('No completed orders yet.'))
        }
      </div>

      <div class="block wide">
        <h3 id="times-heading">${msg('Shopping times')}</h3>
        ${renderHeatMap({ matrix: data.shoppingTimes, format: f })}
      </div>

      <div class="block">
        <h3 id="chart-clv-heading">${msg('Lifetime value (CLV) by month')}</h3>
        ${
          data.clvTrend.length
            ? this.renderChart(
                'clv',
                clvSummary(f, data, month),
                [msg('Month'), msg('CLV at month end'), msg('Added')],
                data.clvTrend.map((p) => [f.month(p.month), f.money(p.value, data.currency), f.money(p.added, data.currency)]),
              )
            : renderEmpty(msg('No completed orders yet.'))
        }
      </div>

      <div class="block">
        <h3 id="chart-csat-heading">${msg('Satisfaction (CSAT) by month')}</h3>
        ${
          data.csatTrend.length
            ? this.renderChart(
                'csat',
                csatSummary(f, data, month),
                [msg('Month'), msg('Average CSAT (1–5)'), msg('Ratings')],
                data.csatTrend.map((p) => [f.month(p.month), f.number(p.average, 2), f.number(p.responses)]),
              )
            : renderEmpty(msg('No satisfaction ratings yet.'))
        }
      </div>
    </div>`;
  }

  /** "13 min 11 sec" (Intl units in the configured locale). */
  private duration(seconds: number | null): string {
    if (seconds === null) return '—';
    const unit = (value: number, u: 'hour' | 'minute' | 'second') =>
      new Intl.NumberFormat(this.format.locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    if (h) return m ? `${unit(h, 'hour')} ${unit(m, 'minute')}` : unit(h, 'hour');
    if (m) return s ? `${unit(m, 'minute')} ${unit(s, 'second')}` : unit(m, 'minute');
    return unit(s, 'second');
  }

  private renderBars(part: string, label: string, bars: Bar[]): TemplateResult {
    return html`<ul part=${part} class="bars" aria-label=${label}>
      ${bars.map(
        (b) => html`<li part="bar" class="bar" data-id=${b.id}>
          <span class="bar-label" title=${b.label}>${b.label}</span>
          <span class="bar-value">${b.value}</span>
          <span class="track" aria-hidden="true"
            >${b.ratio > 0 ? html`<span class="fill" style="inline-size:${(b.ratio * 100).toFixed(2)}%"></span>` : ''}</span
          >
        </li>`,
      )}
    </ul>`;
  }

  private renderChart(id: ChartId, summary: string, head: [string, string, string], rows: string[][]): TemplateResult {
    return html`<figure part="chart chart-${id}" class="chart">
      <p part="chart-summary" class="chart-summary" id="chart-${id}-summary">${summary}</p>
      ${
        this.chartError
          ? renderError(this.chartError, { retry: () => this.retryCharts() })
          : html`<div class="plot-wrap">
            <div class="plot" data-chart=${id} role="img" aria-labelledby="chart-${id}-heading" aria-describedby="chart-${id}-summary"></div>
            <span class="readout" data-readout=${id} aria-hidden="true"></span>
          </div>`
      }
      <details part="chart-data" class="chart-data">
        <summary>${msg('Data table')}</summary>
        <table>
          <caption class="visually-hidden">${msg(str`${head[1]} by month`)}</caption>
          <thead>
            <tr>${head.map((h, i) => html`<th scope="col" class=${i ? 'num' : ''}>${h}</th>`)}</tr>
          </thead>
          <tbody>
            ${rows.map(([month, ...values]) => html`<tr><th scope="row">${month}</th>${values.map((v) => html`<td class="num">${v}</td>`)}</tr>`)}
          </tbody>
        </table>
      </details>
    </figure>`;
  }

  private retryCharts(): void {
    this.chartError = undefined;
    this.destroyCharts();
  }
}
