/**
 * The Excel export of one customer (003): a workbook with one sheet per section of the 360 view,
 * built from the same {@link CustomerReport} as the PDF and the CSV, so it shows the same numbers.
 * Numbers are real numeric cells in the API's units (money in major units with a `currency`
 * column, days, points 0–100); timestamps are ISO 8601 text, as the API returns them. Text cells
 * that a spreadsheet would run as a formula are escaped exactly as in the CSV export
 * (papaparse's `escapeFormulae`: a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` prefix).
 * @module
 */
import ExcelJS from 'exceljs';
import type { ExportLocale } from '@c360/sdk';
import { metricRows } from './csv.js';
import { columnLabel } from './labels/columns.js';
import type { CustomerReport, ExportMeta } from './report.js';

/** A cell as written: text, number, boolean or empty. */
export type XlsxCell = string | number | boolean | null;

/** One sheet: its name, column headers and rows. */
export interface XlsxSheet {
  name: string;
  columns: readonly string[];
  rows: XlsxCell[][];
}

/** The sheet names of a customer workbook, in order. */
export const XLSX_SHEETS = [
  'Summary',
  'Metrics',
  'Orders',
  'Loyalty',
  'Marketing',
  'Support',
  'Payments',
  'Behaviour',
  'Notes',
  'Timeline',
] as const;

/** Papaparse's `escapeFormulae` rule, as the CSV export applies it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell safe to write: text escaped like the CSV export, everything else as is. */
export const xlsxCell = (value: XlsxCell | undefined): XlsxCell =>
  typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : (value ?? null);

/** The sheets of a customer workbook (names of {@link XLSX_SHEETS}). */
export function customerSheets(report: CustomerReport, meta: ExportMeta): XlsxSheet[] {
  const { view, orders, loyalty, marketing, support, payments, analytics, notes, timeline } = report;
  const p = view.profile;
  const summary: XlsxCell[][] = [
    ['customer', p.id],
    ['name', p.name],
    ['email', p.email],
    ['phone', p.phone],
    ['country', p.country],
    ['status', p.status],
    ['registeredAt', p.registeredAt],
    ['vip', p.vip],
    ['currency', p.currency],
    ...p.addresses.map((a): XlsxCell[] => [
      `address (${a.label})`,
      [a.line1, a.line2, a.city, a.postcode, a.country].filter(Boolean).join(', '),
    ]),
    ['exportedAt', meta.exportedAt.toISOString()],
    ['exportedBy', `${meta.actor.name} (${meta.actor.role})`],
    ['asOf', view.asOf],
  ];
  return [
    { name: 'Summary', columns: ['field', 'value'], rows: summary },
    { name: 'Metrics', columns: ['metric', 'value', 'unit'], rows: metricRows(report).map((r) => [...r]) },
    {
      name: 'Orders',
      columns: ['number', 'placedAt', 'status', 'total', 'currency', 'items', 'quantity'],
      rows: orders.orders.map((o) => [o.number, o.placedAt, o.status, o.total, o.currency, o.itemsCount, o.quantity]),
    },
    {
      name: 'Loyalty',
      columns: ['occurredAt', 'kind', 'points', 'reason', 'expiresAt'],
      rows: loyalty.transactions.map((t) => [t.occurredAt, t.kind, t.points, t.reason, t.expiresAt]),
    },
    {
      name: 'Marketing',
      columns: ['campaign', 'channel', 'sentAt', 'opened', 'clicked', 'bounced'],
      rows: marketing.campaigns.map((c) => [c.name, c.channel, c.sentAt, c.opened, c.clicked, c.bounced]),
    },
    {
      name: 'Support',
      columns: ['id', 'subject', 'status', 'priority', 'channel', 'createdAt', 'resolvedAt', 'resolutionHours', 'csat', 'nps'],
      rows: support.tickets.map((t) => [
        t.id,
        t.subject,
        t.status,
        t.priority,
        t.channel,
        t.createdAt,
        t.resolvedAt,
        t.resolutionHours,
        t.csat,
        t.nps,
      ]),
    },
    {
      name: 'Payments',
      columns: ['occurredAt', 'kind', 'status', 'amount', 'currency', 'method', 'last4', 'orderId', 'reference'],
      rows: payments.transactions.map((t) => [
        t.occurredAt,
        t.kind,
        t.status,
        t.amount,
        t.currency,
        t.method ? (t.method.brand ?? t.method.type) : null,
        t.method?.last4 ?? null,
        t.orderId,
        t.reference,
      ]),
    },
    {
      name: 'Behaviour',
      columns: ['kind', 'name', 'value'],
      rows: [
        ...analytics.topViewedCategories.map((c): XlsxCell[] => ['viewed category', c.name, c.count]),
        ...analytics.topPurchased.items.map((i): XlsxCell[] => [`purchased ${analytics.topPurchased.basis}`, i.name, i.quantity]),
        ...analytics.deviceBreakdown.map((d): XlsxCell[] => ['device sessions', d.device, d.sessions]),
        ...analytics.clvTrend.map((m): XlsxCell[] => ['lifetime value at month end', m.month, m.value]),
      ],
    },
    {
      name: 'Notes',
      columns: ['createdAt', 'author', 'type', 'visibility', 'body'],
      rows: notes.map((n) => [n.createdAt, n.author, n.type, n.visibility, n.body]),
    },
    {
      name: 'Timeline',
      columns: ['occurredAt', 'type', 'title', 'description', 'amount', 'currency'],
      rows: timeline.map((e) => [e.occurredAt, e.type, e.title, e.description, e.amount, e.currency]),
    },
  ];
}

/**
 * `sheet` with its name and column headers in `locale` (the field names of the Summary sheet's
 * first column too); the cells are unchanged.
 */
export function localizeSheet(sheet: XlsxSheet, locale: ExportLocale): XlsxSheet {
  if (locale === 'en') return sheet;
  const label = (name: string) => columnLabel(locale, name);
  return {
    name: label(sheet.name),
    columns: sheet.columns.map(label),
    rows:
      sheet.name === 'Summary'
        ? sheet.rows.map(([field, ...rest]) => [typeof field === 'string' ? label(field) : field, ...rest])
        : sheet.rows,
  };
}

/** Adds a sheet with a bold, frozen header row (right to left for Arabic). */
export function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet, rtl = false): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }] });
  ws.addRow([...sheet.columns]).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(row.map(xlsxCell));
  ws.columns.forEach((column, i) => {
    const widest = Math.max(sheet.columns[i]?.length ?? 0, ...sheet.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
  return ws;
}

/** The workbook's bytes (Office Open XML, `.xlsx`), sheet names and headers in `locale`. */
export async function renderCustomerXlsx(report: CustomerReport, meta: ExportMeta, locale: ExportLocale = 'en'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `c360 (${meta.actor.name})`;
  workbook.created = meta.exportedAt;
  for (const sheet of customerSheets(report, meta)) addSheet(workbook, localizeSheet(sheet, locale), locale === 'ar');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
