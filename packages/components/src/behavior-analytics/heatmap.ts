/**
 * The preferred shopping times of `<behavior-analytics>`: the preferred day and hour, the busiest
 * slots (for screen readers), the weekday × hour heat map (UTC) and its legend, rendered as a plain
 * function of the order counts.
 * @module
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Formatter } from '../base/format.js';
import { renderEmpty } from '../base/states.js';
import { hh, orders, slotLabel } from './phrases.js';

/** Heat-map intensity levels above zero (the legend shows the counts each covers). */
const LEVELS = 4;

interface Slot {
  weekday: number;
  hour: number;
  count: number;
}

/** What the heat map shows. */
export interface HeatMapView {
  /** Completed orders by weekday (0 = Monday … 6 = Sunday) and hour (0–23, UTC). */
  matrix: number[][];
  /** The element's formatter (its cached weekday names). */
  format: Formatter;
}

/**
 * The `part="preferred"` sentences, the busiest hours (visually hidden), the `part="heatmap"` table,
 * whose cells are labelled and titled ("Tuesday 14:00–15:00 UTC: 3 orders"), and the
 * `part="legend"`; the empty state when there is no completed order.
 */
export function renderHeatMap(view: HeatMapView): TemplateResult {
  const { matrix, format: f } = view;
  const total = matrix.flat().reduce((a, b) => a + b, 0);
  if (!total) return renderEmpty(msg('No completed orders to place in the week.'));
  const max = Math.max(...matrix.flat());
  const level = (count: number) => (count ? Math.ceil((count / max) * LEVELS) : 0);
  // Counts each level covers: level k holds (k-1)·max/4 < count ≤ k·max/4.
  const legend = Array.from({ length: LEVELS }, (_, i) => {
    const k = i + 1;
    const lo = Math.floor(((k - 1) * max) / LEVELS) + 1;
    const hi = Math.floor((k * max) / LEVELS);
    return { k, text: lo === hi ? f.number(lo) : `${f.number(lo)}–${f.number(hi)}`, empty: lo > hi };
  }).filter((l) => !l.empty);
  const byDay = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const byHour = Array.from({ length: 24 }, (_, h) => matrix.reduce((n, row) => n + row[h]!, 0));
  const topDay = byDay.indexOf(Math.max(...byDay));
  const topHour = byHour.indexOf(Math.max(...byHour));
  const slots: Slot[] = matrix
    .flatMap((row, weekday) => row.map((count, hour) => ({ weekday, hour, count })))
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count || a.weekday - b.weekday || a.hour - b.hour)
    .slice(0, 5);
  /** "Tuesday 14:00–15:00 UTC: 3 orders" */
  const label = (weekday: number, hour: number, count: number) => slotLabel(f, f.weekday(weekday, 'long'), hour, count);
  const day = f.weekday(topDay, 'long');
  const dayOrders = orders(f, byDay[topDay]!);
  const [from, to] = [hh(topHour), hh(topHour + 1)];
  const hourOrders = orders(f, byHour[topHour]!);
  const all = f.number(total);
  return html`<p part="preferred" class="preferred">
      <span data-preferred="day">${msg(html`Preferred day: <strong>${day}</strong> (${dayOrders})`)}</span>
      <span data-preferred="hour">${msg(html`Preferred time: <strong>${from}–${to} UTC</strong> (${hourOrders})`)}</span>
    </p>
    <div class="visually-hidden" data-busiest>
      <p id="busiest-heading">
        ${total === 1 ? msg(str`Busiest hours of the week, of ${all} completed order:`) : msg(str`Busiest hours of the week, of ${all} completed orders:`)}
      </p>
      <ol aria-labelledby="busiest-heading">
        ${slots.map((s) => html`<li>${label(s.weekday, s.hour, s.count)}</li>`)}
      </ol>
    </div>
    <table part="heatmap" class="heatmap" data-total=${total}>
      <caption class="visually-hidden">${msg('Completed orders by weekday and hour of day (UTC)')}</caption>
      <thead>
        <tr>
          <td class="corner"></td>
          ${Array.from(
            { length: 24 },
            (_, h) => html`<th scope="col" class="hour"><span class=${h % 6 === 0 ? 'hour-label' : 'visually-hidden'}>${hh(h)}</span></th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${matrix.map(
          (row, d) => html`<tr>
            <th scope="row" class="day" aria-label=${f.weekday(d, 'long')}>${f.weekday(d, 'short')}</th>
            ${row.map((count, h) => {
              const cell = label(d, h, count);
              return html`<td
                part="heatmap-cell"
                class="cell l${level(count)}"
                data-weekday=${d}
                data-hour=${h}
                data-count=${count}
                aria-label=${cell}
                title=${cell}
              ></td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>
    <div part="legend" class="legend">
      <span>${msg('Orders per hour:')}</span>
      <span class="key"><span class="swatch l0" aria-hidden="true"></span>0</span>
      ${legend.map((l) => html`<span class="key"><span class="swatch l${l.k}" aria-hidden="true"></span>${l.text}</span>`)}
    </div>`;
}
