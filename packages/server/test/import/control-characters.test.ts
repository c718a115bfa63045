import { describe, expect, it } from 'vitest';
import { mapRetailRow } from '../../src/import/online-retail.js';

const row = (values: Record<string, string>) => ({
  line: 7,
  values: {
    InvoiceNo: '536365',
    StockCode: '85123A',
    Description: 'WHITE HANGING HEART',
    Quantity: '6',
    InvoiceDate: '2010-12-01 08:26',
    UnitPrice: '2.55',
    CustomerID: '17850',
    Country: 'United Kingdom',
    ...values,
  },
});

describe('Online Retail rows: control characters', () => {
  it('are removed from every text field, as from ingested events (issue 13.2)', () => {
    const line = mapRetailRow(
      'x.csv',
      row({ Description: 'WHITE\u001fHANGING\u0000 HEART', Country: 'United\u0085 Kingdom', StockCode: '85123\u0007A' }),
    );
    expect(line.description).toBe('WHITEHANGING HEART');
    expect(line.country).toBe('United Kingdom');
    expect(line.stockCode).toBe('85123A');
  });

  it('a field made only of control characters is empty, so a required one is refused naming its column', () => {
    expect(() => mapRetailRow('x.csv', row({ InvoiceNo: '\u0001\u0002' }))).toThrow(/InvoiceNo/);
  });
});
