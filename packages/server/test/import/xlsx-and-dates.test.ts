/**
 * The importer reads the original UCI `Online Retail.xlsx` (streamed with exceljs) and day-first
 * `DD/MM/YYYY HH:MM` dates when told: a workbook written here (with the same library) from lines of
 * the bundled sample, and the same lines with day-first dates, import exactly as the CSV does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/connect.js';
import { importOnlineRetail, ONLINE_RETAIL_COLUMNS, type ImportSummary } from '../../src/import/online-retail.js';
import { HEADER, sums, tempDir } from './helpers.js';

const SAMPLE = new URL('../../../../demo/data/online_retail_sample.csv', import.meta.url);
const LINES = 3000;

let tmp: ReturnType<typeof tempDir>;
let rows: string[][];
let csvFile: string;
let expected: { summary: Omit<ImportSummary, 'file'>; sums: Record<string, unknown>; rows: unknown };

/** What an import wrote, without the clock of the import (created/updated times). */
async function content(db: Db): Promise<unknown> {
  const orders = await sql`select id, customer_id, placed_at, total_minor, items_count, quantity from orders order by id`.execute(db);
  const items = await sql`select id, product_id, description, quantity, unit_price_micros from order_items order by id`.execute(db);
  const customers = await sql`select id, country, registered_at from customers order by id`.execute(db);
  const payments = await sql`select id, customer_id, amount_minor, occurred_at from payments order by id`.execute(db);
  return { orders: orders.rows, items: items.rows, customers: customers.rows, payments: payments.rows };
}

async function importInto(file: string, options: Parameters<typeof importOnlineRetail>[2] = {}) {
  const db = await openDb({ file: ':memory:' });
  try {
    const { file: _file, ...summary } = await importOnlineRetail(db, file, options);
    return { summary, sums: await sums(db), rows: await content(db) };
  } finally {
    await db.destroy();
  }
}

/** A cell as the UCI workbook types it: numbers as numbers, dates as dates, blanks empty. */
function typed(column: string, text: string): ExcelJS.CellValue {
  if (text === '') return null;
  if (column === 'InvoiceDate') return new Date(`${text.replace(' ', 'T')}Z`);
  if (/^-?\d+(\.\d+)?$/.test(text) && column !== 'Description') return Number(text);
  return text;
}

beforeAll(async () => {
  tmp = tempDir();
  const parsed = Papa.parse<string[]>(readFileSync(SAMPLE, 'utf8'), { skipEmptyLines: true });
  rows = parsed.data.slice(1, LINES + 1);
  const quote = (r: string[]) => r.map((v) => (/^-?[\d.]+$|^\d{4}-/.test(v) || v === '' ? v : `"${v.replace(/"/g, '""')}"`)).join(',');
  csvFile = tmp.write('slice.csv', [HEADER, ...rows.map(quote)]);
  expected = await importInto(csvFile);
  expect(expected.summary.rows).toBe(LINES);
});
afterAll(() => tmp.cleanup());

describe('Online Retail.xlsx', () => {
  it('imports the same customers, orders, lines, refunds and statistics as the CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Online Retail');
    sheet.addRow([...ONLINE_RETAIL_COLUMNS]);
    for (const r of rows) sheet.addRow(r.map((text, i) => typed(ONLINE_RETAIL_COLUMNS[i]!, text)));
    sheet.getColumn(5).numFmt = 'dd/mm/yyyy hh:mm'; // as the UCI file shows InvoiceDate
    const xlsx = join(tmp.dir, 'Online Retail.xlsx');
    await workbook.xlsx.writeFile(xlsx);

    const progress: number[] = [];
    const got = await importInto(xlsx, { onProgress: (p) => progress.push(p.bytes / p.totalBytes) });
    expect(got).toEqual(expected);
    expect(progress.at(-1)).toBe(1);
  });

  it('a file that is not a workbook is refused naming it, and nothing is written', async () => {
    const fake = tmp.write('fake.xlsx', ['not a zip']);
    const db = await openDb({ file: ':memory:' });
    try {
      await expect(importOnlineRetail(db, fake)).rejects.toThrow(/fake\.xlsx: not an Excel workbook/);
      expect(await sums(db)).toMatchObject({ customers: 0 });
    } finally {
      await db.destroy();
    }
  });
});

describe('--date-format dmy', () => {
  const dayFirst = (iso: string) => {
    const [, y, mo, d, hm] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}):00$/.exec(iso)!;
    return `${d}/${mo}/${y} ${hm}`;
  };

  it('reads DD/MM/YYYY HH:MM as the CSV with ISO dates', async () => {
    const lines = rows.map((r) => r.map((v, i) => (i === 4 ? dayFirst(v) : `"${v.replace(/"/g, '""')}"`)).join(','));
    const file = tmp.write('day-first.csv', [HEADER, ...lines]);
    expect(await importInto(file, { dateFormat: 'dmy' })).toEqual(expected);
  });

  it('without it (or with an impossible day) the line is refused naming the expected format', async () => {
    const file = tmp.write('day-first-bad.csv', [
      HEADER,
      '"1","A","x",1,13/01/2011 09:05,1.5,1,"UK"',
      '"2","A","x",1,31/02/2011 09:05,1.5,1,"UK"',
    ]);
    const db = await openDb({ file: ':memory:' });
    try {
      await expect(importOnlineRetail(db, file)).rejects.toThrow(
        'line 2, column InvoiceDate: not a date-time YYYY-MM-DD HH:MM[:SS]: "13/01/2011 09:05"',
      );
      await expect(importOnlineRetail(db, file, { dateFormat: 'dmy' })).rejects.toThrow(
        'line 3, column InvoiceDate: not a date-time DD/MM/YYYY HH:MM[:SS]: "31/02/2011 09:05"',
      );
      await expect(importOnlineRetail(db, file, { dateFormat: 'mdy' })).rejects.toThrow(
        'line 2, column InvoiceDate: not a date-time M/D/YYYY H:MM[:SS]: "13/01/2011 09:05"',
      );
    } finally {
      await db.destroy();
    }
  });
});
