import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/connect.js';
import { ImportError } from '../../src/import/errors.js';
import { importOnlineRetail } from '../../src/import/online-retail.js';
import { recomputeCustomerStats } from '../../src/aggregate/customer-stats.js';
import { HEADER, snapshot, tempDir } from './helpers.js';

// Hand-written fixture; line numbers count the header as line 1.
const LINES = [
  HEADER, //                                                                               line 1
  '"500001","A1","RED MUG",3,2011-01-10 09:00:00,2.55,12345,"United Kingdom"', //          2: 7.65
  '"500001","B2","TINY BEAD",7,2011-01-10 09:00:00,0.001,12345,"United Kingdom"', //       3: 0.007
  '"500002","C3","HALF PENNY",1,2011-01-12 10:30:00,0.125,12345.0,"United Kingdom"', //    4: 0.125 → 13p
  '"500003","A1","RED MUG",2,2011-02-01 08:00:00,2.55,67890,"France"', //                  5: 5.10
  '"C500004","A1","RED MUG",-1,2011-02-02 11:00:00,2.55,12345,"United Kingdom"', //        6: -2.55
  '"C500004","B2","TINY BEAD",-5,2011-02-02 11:00:00,0.001,12345,"United Kingdom"', //     7: -0.005
  '"500005","A1","RED MUG",4,2011-03-01 12:00:00,2.55,,"United Kingdom"', //               8: guest 10.20
  '"500005","D4","",1,2011-03-01 12:00:00,0.005,,"United Kingdom"', //                     9: guest 0.005 → 1p
  '"500001","D4","BLUE BOX, LARGE",2,2011-01-10 08:59:00,1.2,12345,"United Kingdom"', //  10: 2.40, invoice resumes
  '"C500006","A1","RED MUG",-2,2010-12-05 10:00:00,2.55,67890,"France"', //               11: -5.10, first invoice of 67890
];

let db: Db;
let tmp: ReturnType<typeof tempDir>;
beforeEach(async () => {
  db = await openDb({ file: ':memory:' });
  tmp = tempDir();
});
afterEach(async () => {
  await db.destroy();
  tmp.cleanup();
});

describe('importOnlineRetail on a hand-written fixture', () => {
  it('maps orders, refunds, guest sales, products, customers and the timeline with exact totals', async () => {
    const file = tmp.write('fixture.csv', LINES);
    const progress: number[] = [];
    const summary = await importOnlineRetail(db, file, { onProgress: (p) => progress.push(p.bytes / p.totalBytes) });
    expect(summary).toEqual({
      file,
      rows: 10,
      customers: 2,
      orders: 3,
      orderLines: 5,
      refunds: 2,
      guestLines: 2,
      products: 4,
      asOf: '2011-03-01T12:00:00.000Z',
      skippedAsDuplicate: false,
    });
    expect(progress.at(-1)).toBe(1);

    const orders = await db.selectFrom('orders').selectAll().orderBy('id').execute();
    expect(
      orders.map((o) => [
        o.id,
        o.customer_id,
        o.number,
        o.status,
        o.placed_at,
        o.total_minor,
        o.subtotal_minor,
        o.shipping_minor,
        o.items_count,
        o.quantity,
        o.currency,
        o.source,
      ]),
    ).toEqual([
      // 7.65 + 0.007 + 2.40 = 10.057 → £10.06; placed at its earliest line (line 10)
      ['500001', '12345', '500001', 'completed', '2011-01-10T08:59:00.000Z', 1006, 1006, 0, 3, 12, 'GBP', 'online-retail'],
      // 0.125 = 12.5p, half away from zero → 13p; CustomerID "12345.0" → "12345"
      ['500002', '12345', '500002', 'completed', '2011-01-12T10:30:00.000Z', 13, 13, 0, 1, 1, 'GBP', 'online-retail'],
      ['500003', '67890', '500003', 'completed', '2011-02-01T08:00:00.000Z', 510, 510, 0, 1, 2, 'GBP', 'online-retail'],
    ]);
    const items = await db.selectFrom('order_items').selectAll().orderBy('id').execute();
    expect(items.map((i) => [i.id, i.order_id, i.line_no, i.product_id, i.description, i.quantity, i.unit_price_micros])).toEqual([
      ['500001:1', '500001', 1, 'A1', 'RED MUG', 3, 2_550_000],
      ['500001:2', '500001', 2, 'B2', 'TINY BEAD', 7, 1_000],
      ['500001:3', '500001', 3, 'D4', 'BLUE BOX, LARGE', 2, 1_200_000],
      ['500002:1', '500002', 1, 'C3', 'HALF PENNY', 1, 125_000],
      ['500003:1', '500003', 1, 'A1', 'RED MUG', 2, 2_550_000],
    ]);

    const payments = await db.selectFrom('payments').selectAll().orderBy('id').execute();
    expect(payments).toEqual([
      // -2.55 - 0.005 = -2.555 → -256p (half away from zero) → refund of 256
      {
        id: 'refund:C500004',
        customer_id: '12345',
        order_id: null,
        kind: 'refund',
        status: 'succeeded',
        amount_minor: 256,
        currency: 'GBP',
        method_id: null,
        reference: 'C500004',
        occurred_at: '2011-02-02T11:00:00.000Z',
      },
      {
        id: 'refund:C500006',
        customer_id: '67890',
        order_id: null,
        kind: 'refund',
        status: 'succeeded',
        amount_minor: 510,
        currency: 'GBP',
        method_id: null,
        reference: 'C500006',
        occurred_at: '2010-12-05T10:00:00.000Z',
      },
    ]);

    const customers = await db.selectFrom('customers').selectAll().orderBy('id').execute();
    expect(customers.map((c) => [c.id, c.name, c.email, c.phone, c.country, c.registered_at, c.status, c.currency, c.synthetic])).toEqual([
      ['12345', 'Customer 12345', null, null, 'United Kingdom', '2011-01-10T08:59:00.000Z', 'active', 'GBP', 0],
      // registration = first invoice, a cancellation
      ['67890', 'Customer 67890', null, null, 'France', '2010-12-05T10:00:00.000Z', 'active', 'GBP', 0],
    ]);
    expect(customers[0]!.search_text).toContain('customer 12345');

    const stats = await db.selectFrom('customer_stats').selectAll().orderBy('customer_id').execute();
    expect(
      stats.map((s) => [
        s.customer_id,
        s.total_orders,
        s.completed_orders,
        s.total_spent_minor,
        s.total_refunded_minor,
        s.first_order_at,
        s.last_completed_at,
      ]),
    ).toEqual([
      ['12345', 2, 2, 1019, 256, '2011-01-10T08:59:00.000Z', '2011-01-12T10:30:00.000Z'],
      ['67890', 1, 1, 510, 510, '2011-02-01T08:00:00.000Z', '2011-02-01T08:00:00.000Z'],
    ]);

    const products = await db.selectFrom('products').selectAll().orderBy('id').execute();
    expect(
      products.map((p) => [
        p.id,
        p.name,
        p.lines_sold,
        p.units_sold,
        p.revenue_minor,
        p.guest_lines,
        p.guest_units,
        p.guest_revenue_minor,
        p.currency,
      ]),
    ).toEqual([
      ['A1', 'RED MUG', 2, 5, 765 + 510, 1, 4, 1020, 'GBP'],
      ['B2', 'TINY BEAD', 1, 7, 1, 0, 0, 0, 'GBP'], // 0.7p → 1p per line
      ['C3', 'HALF PENNY', 1, 1, 13, 0, 0, 0, 'GBP'],
      ['D4', 'BLUE BOX, LARGE', 1, 2, 240, 1, 1, 1, 'GBP'], // first non-empty description; guest 0.5p → 1p
    ]);

    const activity = await db.selectFrom('activity').selectAll().orderBy('id').execute();
    expect(
      activity.map((a) => [a.id, a.customer_id, a.type, a.title, a.description, a.occurred_at, a.amount_minor, a.ref_kind, a.ref_id]),
    ).toEqual([
      ['order:500001', '12345', 'order', 'Order 500001', '3 lines · 12 items', '2011-01-10T08:59:00.000Z', 1006, 'order', '500001'],
      ['order:500002', '12345', 'order', 'Order 500002', '1 line · 1 item', '2011-01-12T10:30:00.000Z', 13, 'order', '500002'],
      ['order:500003', '67890', 'order', 'Order 500003', '1 line · 2 items', '2011-02-01T08:00:00.000Z', 510, 'order', '500003'],
      [
        'refund:C500004',
        '12345',
        'refund',
        'Refund C500004',
        'Cancellation of 2 lines',
        '2011-02-02T11:00:00.000Z',
        256,
        'payment',
        'refund:C500004',
      ],
      [
        'refund:C500006',
        '67890',
        'refund',
        'Refund C500006',
        'Cancellation of 1 line',
        '2010-12-05T10:00:00.000Z',
        510,
        'payment',
        'refund:C500006',
      ],
    ]);

    const meta = await db.selectFrom('meta').selectAll().where('key', '=', 'dataset_as_of').executeTakeFirst();
    expect(meta?.value).toBe('2011-03-01T12:00:00.000Z');
  });

  it('changes nothing when the same file is imported again (skipped, or forced row by row)', async () => {
    const file = tmp.write('fixture.csv', LINES);
    await importOnlineRetail(db, file);
    const before = await snapshot(db);
    const again = await importOnlineRetail(db, file);
    expect(again.skippedAsDuplicate).toBe(true);
    expect(await snapshot(db)).toEqual(before);
    const forced = await importOnlineRetail(db, file, { force: true });
    expect(forced).toMatchObject({ skippedAsDuplicate: false, orders: 3, guestLines: 2 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('gives the same product statistics and rows for a subset then the full file as for the full file alone', async () => {
    const subset = tmp.write(
      'subset.csv',
      LINES.filter((l, i) => i === 0 || l.includes(',12345,') || l.includes(',,')),
    );
    const full = tmp.write('full.csv', LINES);
    await importOnlineRetail(db, subset);
    await importOnlineRetail(db, full);
    const alone = await openDb({ file: ':memory:' });
    try {
      await importOnlineRetail(alone, full);
      const [a, b] = [await snapshot(db), await snapshot(alone)];
      const stable = (s: Record<string, unknown[]>) => ({
        ...s,
        customers: strip(s.customers!),
        idempotency_keys: strip(s.idempotency_keys!.filter((k) => (k as { kind: string }).kind !== 'import-file')),
      });
      expect(stable(a)).toEqual(stable(b));
    } finally {
      await alone.destroy();
    }
  });

  it('keeps the earliest registration and never overwrites name, email or phone', async () => {
    await importOnlineRetail(db, tmp.write('fixture.csv', LINES));
    await db
      .updateTable('customers')
      .set({ name: 'Ada Lovelace', email: 'ada@example.org', phone: '+44 1' })
      .where('id', '=', '12345')
      .execute();
    await importOnlineRetail(
      db,
      tmp.write('later.csv', [HEADER, '"600001","A1","RED MUG",1,2011-06-01 10:00:00,2.55,12345,"United Kingdom"']),
    );
    const c = await db.selectFrom('customers').selectAll().where('id', '=', '12345').executeTakeFirstOrThrow();
    expect([c.name, c.email, c.phone, c.registered_at]).toEqual(['Ada Lovelace', 'ada@example.org', '+44 1', '2011-01-10T08:59:00.000Z']);
    const s = await db.selectFrom('customer_stats').selectAll().where('customer_id', '=', '12345').executeTakeFirstOrThrow();
    expect([s.total_orders, s.total_spent_minor]).toEqual([3, 1019 + 255]);
  });
});

/** Drops the import-time columns (created_at, updated_at, received_at), which differ between runs. */
function strip(rows: unknown[]): unknown[] {
  return rows.map((r) => {
    const { created_at: _c, updated_at: _u, received_at: _r, ...rest } = r as Record<string, unknown>;
    return rest;
  });
}

describe('importOnlineRetail on bad input', () => {
  it('fails on a malformed Quantity naming file, line 4 and column, and leaves the database unchanged', async () => {
    await importOnlineRetail(db, tmp.write('good.csv', LINES));
    const before = await snapshot(db);
    const bad = LINES.slice(0, 6).map((l) => l.replace('500002","C3","HALF PENNY",1,', '500002","C3","HALF PENNY",1.5,'));
    const file = tmp.write('bad.csv', bad);
    const error = await importOnlineRetail(db, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ file, line: 4, column: 'Quantity' });
    expect((error as Error).message).toBe(`${file}: line 4, column Quantity: not an integer: "1.5"`);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls back lines already written in batches when a late line is bad', async () => {
    const many = [HEADER];
    for (let i = 0; i < 5000; i++)
      many.push(`"7${String(i).padStart(5, '0')}","A1","RED MUG",1,2011-05-01 10:00:00,1,${10000 + (i % 50)},"Spain"`);
    many.push('"799999","A1","RED MUG",1,2011-05-01 10:00:00,1.0000001,10000,"Spain"');
    const empty = await snapshot(db);
    const error = await importOnlineRetail(db, tmp.write('late.csv', many)).catch((e: unknown) => e);
    expect(error).toMatchObject({ line: 5002, column: 'UnitPrice' });
    expect(await snapshot(db)).toEqual(empty);
  });

  it('fails before touching the database when the file is missing', async () => {
    const before = await snapshot(db);
    const file = `${tmp.dir}/nope.csv`;
    await expect(importOnlineRetail(db, file)).rejects.toThrow(`${file}: file not found`);
    await expect(importOnlineRetail(db, file)).rejects.toBeInstanceOf(ImportError);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    [
      'a missing header column',
      [HEADER.replace(',"CustomerID"', ''), LINES[1]!.replace(',12345', '')],
      1,
      'CustomerID',
      'missing header column',
    ],
    ['an empty InvoiceNo', [HEADER, LINES[1]!.replace('"500001"', '""')], 2, 'InvoiceNo', 'empty'],
    ['an extra field', [HEADER, LINES[1], LINES[2]!.replace('0.001', '1,5')], 3, undefined, 'expected 8 fields, found 9'],
    [
      'a bad UnitPrice',
      [HEADER, LINES[1], LINES[2]!.replace('0.001', '0.0.1')],
      3,
      'UnitPrice',
      'not a decimal with at most 6 decimals: "0.0.1"',
    ],
    [
      'too many decimals',
      [HEADER, LINES[1]!.replace('2.55', '2.5500001')],
      2,
      'UnitPrice',
      'not a decimal with at most 6 decimals: "2.5500001"',
    ],
    ['a bad month', [HEADER, LINES[1]!.replace('2011-01-10 09:00:00', '2011-13-10 09:00')], 2, 'InvoiceDate', 'not a date-time'],
    ['a day-first date', [HEADER, LINES[1]!.replace('2011-01-10 09:00:00', '10/01/2011 09:00')], 2, 'InvoiceDate', 'not a date-time'],
    [
      'a quoted newline before a bad line',
      [HEADER, LINES[1]!.replace('RED MUG', 'RED\nMUG'), LINES[2]!.replace(',7,', ',x,')],
      4,
      'Quantity',
      'not an integer',
    ],
    [
      'one invoice with two customers',
      [HEADER, LINES[1], LINES[2]!.replace(',12345,', ',99999,')],
      3,
      'CustomerID',
      'invoice 500001 has another CustomerID on line 2',
    ],
  ])('rejects %s', async (_what, lines, line, column, what) => {
    const file = tmp.write('bad.csv', lines as string[]);
    const error = await importOnlineRetail(db, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ file, line, column });
    expect((error as Error).message).toContain(`${file}: line ${line}${column ? `, column ${column}` : ''}: ${what}`);
    expect((await snapshot(db)).customers).toEqual([]);
  });
});

describe('recomputeCustomerStats for every customer', () => {
  it('recomputes all rows when called without ids', async () => {
    const db = await openDb({ file: ':memory:' });
    const now = '2011-01-01T00:00:00.000Z';
    await db
      .insertInto('customers')
      .values({
        id: 'x',
        name: 'X',
        email: null,
        phone: null,
        search_text: 'x',
        country: null,
        registered_at: now,
        status: 'active',
        avatar_url: null,
        vip: 0,
        currency: 'GBP',
        synthetic: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('orders')
      .values({
        id: 'o1',
        customer_id: 'x',
        number: 'o1',
        status: 'completed',
        placed_at: now,
        currency: 'GBP',
        subtotal_minor: 1234,
        shipping_minor: 0,
        total_minor: 1234,
        items_count: 1,
        quantity: 1,
        source: 'test',
      })
      .execute();
    await recomputeCustomerStats(db);
    const row = await db.selectFrom('customer_stats').selectAll().where('customer_id', '=', 'x').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ total_orders: 1, completed_orders: 1, total_spent_minor: 1234 });
    await db.destroy();
  });
});
