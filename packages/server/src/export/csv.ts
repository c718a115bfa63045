/**
 * The CSV export of one customer (R17.3): comment lines (`# …`) with the customer, the export time,
 * the actor and the as-of date; a metrics block (`metric,value,unit`, one row per metric of the 360
 * view and its sections); a blank line; the order history (`number,placedAt,status,total,currency,
 * items,quantity`), newest first. Numbers are written as the API returns them (major units, no
 * thousands separators), so the file parses back to the same values (design Property 9).
 * Every line — the `#` comment lines and the column headers included — goes through the same
 * rule ({@link csvLines}, {@link csvComment}): text cells that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, CR) are prefixed with `'` (papaparse `escapeFormulae`) — in a
 * comment line, every cell its commas make — so a name such as `Eve,=HYPERLINK(…)` is inert.
 * @module
 */
import Papa from 'papaparse';
import type { ExportLocale } from '@c360/sdk';
import { columnLabel } from './labels/columns.js';
import { ExportText } from './labels/index.js';
import type { CustomerReport, ExportMeta } from './report.js';

export const METRIC_COLUMNS = ['metric', 'value', 'unit'] as const;
export const ORDER_COLUMNS = ['number', 'placedAt', 'status', 'total', 'currency', 'items', 'quantity'] as const;

/** The column headers of {@link METRIC_COLUMNS} / {@link ORDER_COLUMNS} in a locale (English: as named). */
export function csvHeaders(columns: readonly string[], t: ExportText): string[] {
  return columns.map((c) => columnLabel(t.locale, c));
}

export type Cell = string | number | boolean | null;
type MetricRow = [name: string, value: Cell, unit: string];

/** One line of text, safe in a `#` comment line. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

/** CSV rows (no trailing line end) written with formula escaping and RFC 4180 quoting. */
export function csvLines(rows: ReadonlyArray<readonly Cell[]>): string {
  return Papa.unparse(
    rows.map((r) => [...r]),
    { newline: '\r\n', escapeFormulae: true, header: false },
  );
}

/** What makes a cell a formula (papaparse's `escapeFormulae`), or opens a quoted cell, at its start. */
const CELL_START_RISK = /^[=+\-@\t\r"]/;

/**
 * A `# …` comment line, still starting with `#` (readers that skip comment lines keep working),
 * escaped for spreadsheets, which read it as cells split at its commas: every such cell that would
 * start a formula (or a quoted cell) gets the same `'` prefix as the data cells.
 */
export function csvComment(text: string): string {
  return `# ${oneLine(text)}`
    .split(',')
    .map((cell, i) => (i > 0 && CELL_START_RISK.test(cell) ? `'${cell}` : cell))
    .join(',');
}

/** The metric rows: name, value, unit (currency code for money). */
export function metricRows(report: CustomerReport): MetricRow[] {
  const { view, loyalty, marketing, support, payments, analytics, orders } = report;
  const m = view.metrics;
  const cur = m.currency;
  const rows: MetricRow[] = [
    ['lifetimeValue', m.lifetimeValue, cur],
    ['totalSpent', m.totalSpent, cur],
    ['averageOrderValue', m.averageOrderValue, cur],
    ['totalOrders', m.totalOrders, 'orders'],
    ['completedOrders', m.completedOrders, 'orders'],
    ['totalRevenue', orders.totalRevenue, orders.currency],
    ['totalRefunded', m.totalRefunded, cur],
    ['daysSinceLastPurchase', m.daysSinceLastPurchase, 'days'],
    ['tenureDays', m.tenureDays, 'days'],
    ['purchaseFrequency', m.purchaseFrequency, 'orders per 30 days'],
    ['firstOrderAt', m.firstOrderAt, 'timestamp'],
    ['lastPurchaseAt', m.lastPurchaseAt, 'timestamp'],
    ['healthScore', view.health.score, 'points (0-100)'],
    ['healthLevel', view.health.level, 'level'],
    ...view.health.factors.map((f): MetricRow => [`health.${f.name}`, f.value, `points (0-100), weight ${f.weight}`]),
    ['churnScore', view.churn.score, 'points (0-100)'],
    ['churnLevel', view.churn.level, 'level'],
    ...view.churn.factors.map((f): MetricRow => [`churn.${f.name}`, f.contribution, `points of ${f.maxContribution}`]),
    ['rfmScore', view.rfm?.score ?? null, 'R F M quintiles'],
    ['rfmSegment', view.rfm?.segment ?? null, 'segment'],
    ['segments', view.segments.map((s) => s.name).join('; '), 'names'],
    ['tags', view.tags.map((t) => t.name).join('; '), 'names'],
    ['vip', view.flags.vip, 'flag'],
    ['loyaltyTier', loyalty.tier, 'tier'],
    ['loyaltyPointsBalance', loyalty.pointsBalance, 'points'],
    ['loyaltyLifetimePoints', loyalty.lifetimePoints, 'points'],
    ['loyaltyPointsExpiringIn30Days', loyalty.pointsExpiringIn30Days, 'points'],
    ['emailOpenRate', marketing.openRate, 'ratio'],
    ['emailClickRate', marketing.clickRate, 'ratio'],
    ['supportTickets', support.totalTickets, 'tickets'],
    ['openTickets', support.openTickets, 'tickets'],
    ['averageResolutionHours', support.averageResolutionHours, 'hours'],
    ['csatAverage', support.csatAverage, 'score (1-5)'],
    ['npsScore', support.npsScore, 'score (-100-100)'],
    ['paymentsSucceeded', payments.totals.succeeded, payments.currency],
    ['paymentsRefunded', payments.totals.refunded, payments.currency],
    ['paymentsFailed', payments.totals.failedCount, 'payments'],
    ['sessions', analytics.sessions, 'sessions'],
    ['averageSessionSeconds', analytics.averageDurationSeconds, 'seconds'],
  ];
  return rows;
}

/**
 * The CSV text (CRLF line ends, as RFC 4180) in `locale`: the comment lines and the column headers
 * are translated; the cells stay as the API returns them (metric names, ISO timestamps, status
 * values, numbers without grouping), so the file parses back the same in every language.
 */
export function renderCustomerCsv(report: CustomerReport, meta: ExportMeta, locale: ExportLocale = 'en'): string {
  const t = new ExportText(locale);
  const { profile } = report.view;
  const { name, role } = meta.actor;
  const header = [
    csvComment(t.t('csv.comment.customer', { name: profile.name, id: profile.id })),
    csvComment(t.t('csv.comment.exported', { at: meta.exportedAt.toISOString(), name, role: t.value('role', role) })),
    csvComment(t.t('csv.comment.asOf', { date: report.view.asOf })),
  ].join('\r\n');
  const unparse = (fields: readonly string[], data: Cell[][]) => csvLines([fields, ...data]);
  const metrics = unparse(
    csvHeaders(METRIC_COLUMNS, t),
    metricRows(report).map((r) => [...r]),
  );
  const orders = unparse(
    csvHeaders(ORDER_COLUMNS, t),
    report.orders.orders.map((o) => [o.number, o.placedAt, o.status, o.total, o.currency, o.itemsCount, o.quantity]),
  );
  return `${header}\r\n${metrics}\r\n\r\n${orders}\r\n`;
}
