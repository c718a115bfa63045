/**
 * Exports over the real app and the sample (R17, design Property 9): the PDF holds every section
 * and the API's key values, masked per role; the CSV parses back to the numbers of /360 and
 * /orders; both are audited with a timeline entry; the bulk CSV streams every match.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, withToken, ADMIN_NAME, type SampleApp } from '../helpers/sample-db.js';
import { PDF_SECTIONS, renderCustomerPdf } from '../../src/export/pdf.js';
import { pdfItems } from './pdf-text.js';
import { loadCustomerReport } from '../../src/export/report.js';
import { exportCustomersCsv } from '../../src/export/bulk.js';
import { CustomerSearchQuery } from '@c360/sdk';

const C = '17850';
let sample: SampleApp;
beforeAll(async () => {
  sample = await openSampleApp();
});
afterAll(() => sample.close());

/** The raw response (the helper's `call` decodes bodies as text). */
async function raw(path: string, role: 'viewer' | 'agent' | 'manager' | 'admin' = 'admin'): Promise<Response> {
  return withToken(sample.rawApp, sample.tokens[role]).request(`http://localhost${path}`);
}

const money = (n: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(n);

async function auditRows(action: string) {
  return sample.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

describe('GET /customers/{id}/export?format=pdf', () => {
  it('is a valid PDF holding every section and the key values of the API; audited with a timeline entry', async () => {
    const [view, orders, loyalty, support] = await Promise.all(
      ['360', 'orders?limit=5', 'loyalty', 'support'].map(async (p) => (await sample.call(`/customers/${C}/${p}`)).body),
    );
    const before = (await auditRows('export.pdf')).length;
    const res = await raw(`/customers/${C}/export?format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="c360-${C}-${view.asOf.slice(0, 10)}.pdf"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
    expect(head).toMatch(/^%PDF-1\.\d/);
    expect(Buffer.from(bytes.subarray(-7)).toString('latin1')).toContain('%%EOF');

    const text = (await pdfItems(bytes)).join('\n');
    for (const heading of PDF_SECTIONS) expect(text, heading).toContain(heading);
    for (const heading of [
      'Profile',
      'Key metrics',
      'Health score',
      'Churn risk',
      'Orders',
      'Loyalty',
      'Marketing',
      'Support',
      'Payments',
      'Behaviour',
      'Notes',
      'Recent timeline',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(view.profile.name);
    expect(text).toContain(`customer ${C}`);
    expect(text).toMatch(new RegExp(`Exported \\d{1,2} [A-Z][a-z]{2,3} \\d{4}, \\d{2}:\\d{2} by ${ADMIN_NAME} \\(admin\\)`));
    const asOf = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(view.asOf));
    expect(text).toContain(`Data as of ${asOf}`);
    expect(text).toContain(money(view.metrics.lifetimeValue));
    const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
    expect(text).toContain(`Health score ${view.health.score} / 100 (${cap(view.health.level)})`);
    expect(text).toContain(`Churn risk ${view.churn.score} / 100 (${cap(view.churn.level)})`);
    expect(text).toContain(orders.orders[0].number);
    // Every order, not one page: the oldest order number is there too.
    const all = (await sample.call(`/customers/${C}/orders?limit=200`)).body.orders;
    expect(text).toContain(all.at(-1).number);
    if (loyalty.enrolled) expect(text).toContain(loyalty.tier[0].toUpperCase() + loyalty.tier.slice(1));
    for (const t of support.tickets.slice(0, 3)) expect(text).toContain(t.subject.slice(0, 20));

    const after = await auditRows('export.pdf');
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ actor: ADMIN_NAME, customer_id: C });
    const timeline = (await sample.call(`/customers/${C}/timeline?types=export&limit=5`)).body.events;
    expect(timeline[0]).toMatchObject({ type: 'export', title: `PDF export by ${ADMIN_NAME}` });
  });

  it('masks payments exactly as GET /payments does for the role: card digits for all, processor references with payments:full', async () => {
    const full = (await sample.call(`/customers/${C}/payments`)).body;
    const withDigits = full.methods.filter((m: any) => m.last4);
    expect(withDigits.length).toBeGreaterThan(0);
    const adminText = (await pdfItems(new Uint8Array(await (await raw(`/customers/${C}/export`)).arrayBuffer()))).join('\n');
    for (const m of withDigits) expect(adminText).toContain(`•••• ${m.last4}`);
    // Every role with `export` has `payments:full` today; the report masks for any role that lacks it, as /payments does.
    const agentPayments = (await sample.call(`/customers/${C}/payments`, { as: 'agent' })).body;
    expect(agentPayments.masked).toBe(true);
    const agent = { name: 'Test agent', role: 'agent' as const, tokenId: 'tok_test', kind: 'api-key' as const };
    const report = await loadCustomerReport({ db: sample.db, asOf: sample.asOf }, agent, C);
    expect(report.payments).toEqual(agentPayments);
    const agentText = (await pdfItems(renderCustomerPdf(report, { exportedAt: new Date(), actor: agent }))).join('\n');
    for (const m of withDigits) expect(agentText).toContain(`•••• ${m.last4}`); // R9.2: every role sees the last four
    const references = full.transactions.map((t: any) => t.reference).filter((r: string | null) => r?.startsWith('ch_'));
    expect(references.length).toBeGreaterThan(0);
    for (const r of references) {
      expect(adminText).toContain(r);
      expect(agentText).not.toContain(r);
    }
    expect(agentText).toContain('payment references masked for this role');
    expect(agentText).toContain('Exported');
  });

  it('refuses a viewer (403) and no token (401), and records nothing', async () => {
    const before = (
      await sample.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect((await sample.call(`/customers/${C}/export?format=pdf`, { as: 'viewer' })).status).toBe(403);
    expect((await sample.call(`/customers/${C}/export?format=csv`, { as: null })).status).toBe(401);
    expect((await sample.call('/customers/export.csv', { as: 'viewer' })).status).toBe(403);
    expect((await sample.call('/customers/export.csv', { as: { token: sample.embedToken(C) } })).status).toBe(403);
    expect((await sample.call(`/customers/no-such-customer/export`)).status).toBe(404);
    expect((await sample.call(`/customers/${C}/export?format=xls`)).status).toBe(400);
    const after = (
      await sample.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(after).toBe(before);
  });
});

describe('GET /customers/{id}/export?format=csv (Property 9)', () => {
  it('parses back to the numbers of /360 and /orders, with time and actor; audited with a timeline entry', async () => {
    const view = (await sample.call(`/customers/${C}/360`)).body;
    const orders = (await sample.call(`/customers/${C}/orders?limit=200`)).body;
    const before = (await auditRows('export.csv')).length;
    const res = await raw(`/customers/${C}/export?format=csv`, 'manager');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(`c360-${C}-${view.asOf.slice(0, 10)}.csv`);
    const text = await res.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toContain(`customer ${C}`);
    expect(lines[1]).toMatch(/^# Exported \d{4}-\d{2}-\d{2}T[\d:.]+Z by Test manager \(manager\)$/);
    expect(lines[2]).toBe(`# Data as of ${view.asOf}`);

    const [metricsBlock, ordersBlock] = text.replace(/^#.*\r\n/gm, '').split('\r\n\r\n') as [string, string];
    const metrics = Papa.parse<Record<string, string>>(metricsBlock, { header: true, skipEmptyLines: true, dynamicTyping: true });
    expect(metrics.errors).toEqual([]);
    expect(metrics.meta.fields).toEqual(['metric', 'value', 'unit']);
    const m = Object.fromEntries(metrics.data.map((r) => [r.metric, r.value]));
    expect(m.lifetimeValue).toBe(view.metrics.lifetimeValue);
    expect(m.averageOrderValue).toBe(view.metrics.averageOrderValue);
    expect(m.totalOrders).toBe(view.metrics.totalOrders);
    expect(m.completedOrders).toBe(view.metrics.completedOrders);
    expect(m.totalRefunded).toBe(view.metrics.totalRefunded);
    expect(m.daysSinceLastPurchase).toBe(view.metrics.daysSinceLastPurchase);
    expect(m.healthScore).toBe(view.health.score);
    expect(m.churnScore).toBe(view.churn.score);
    expect(m.churnLevel).toBe(view.churn.level);
    expect(m.totalRevenue).toBe(orders.totalRevenue);
    expect(metrics.data.find((r) => r.metric === 'lifetimeValue')!.unit).toBe('GBP');

    const parsed = Papa.parse<Record<string, string | number>>(ordersBlock, {
      header: true,
      skipEmptyLines: true,
      dynamicTyping: { total: true, items: true, quantity: true },
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['number', 'placedAt', 'status', 'total', 'currency', 'items', 'quantity']);
    expect(parsed.data).toEqual(
      orders.orders.map((o: any) => ({
        number: o.number,
        placedAt: o.placedAt,
        status: o.status,
        total: o.total,
        currency: o.currency,
        items: o.itemsCount,
        quantity: o.quantity,
      })),
    );
    expect(parsed.data.reduce((s, o) => s + Number(o.total), 0)).toBeCloseTo(view.metrics.lifetimeValue, 2);

    const after = await auditRows('export.csv');
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ actor: 'Test manager', customer_id: C });
    expect(JSON.parse(after.at(-1)!.details!)).toMatchObject({ format: 'csv', role: 'manager' });
    const events = (await sample.call(`/customers/${C}/timeline?types=export&limit=5`)).body.events;
    expect(events[0]).toMatchObject({ type: 'export', title: 'CSV export by Test manager' });
  });
});

describe('GET /customers/export.csv', () => {
  const parseBulk = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, comments: '#', skipEmptyLines: true });

  it('has one row per customer of the search, for a filter, and is audited once', async () => {
    const search = (await sample.call('/customers?clvMin=1000&sort=-lifetimeValue&limit=100')).body;
    expect(search.total).toBeGreaterThan(0);
    const before = (await auditRows('export.customers.csv')).length;
    const res = await raw('/customers/export.csv?clvMin=1000&sort=-lifetimeValue');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="c360-customers-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toMatch(/^# c360 customers export · exported .* by local operator \(admin\)/);
    const parsed = parseBulk(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([
      'id',
      'name',
      'email',
      'phone',
      'country',
      'currency',
      'lifetimeValue',
      'totalOrders',
      'lastPurchaseAt',
    ]);
    expect(parsed.data.length).toBe(search.total);
    expect(parsed.data.slice(0, search.items.length).map((r) => [r.id, Number(r.lifetimeValue), Number(r.totalOrders)])).toEqual(
      search.items.map((c: any) => [c.id, c.lifetimeValue, c.totalOrders]),
    );
    const audits = await auditRows('export.customers.csv');
    expect(audits.length).toBe(before + 1);
    expect(JSON.parse(audits.at(-1)!.details!)).toMatchObject({ total: search.total, filters: { clvMin: 1000, sort: '-lifetimeValue' } });
  });

  it('every customer, without filters, across many pages (keyset), none twice', async () => {
    const total = (await sample.call('/customers?limit=1')).body.total;
    const seen: string[] = [];
    const started = await exportCustomersCsv(sample.db, CustomerSearchQuery.parse({}), { pageSize: 37 });
    expect(started.total).toBe(total);
    let text = '';
    for await (const chunk of started.chunks) text += chunk;
    for (const r of parseBulk(text).data) seen.push(r.id!);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('streams 2,000 more customers posted as customer.upserted events without error', async () => {
    const events = Array.from({ length: 2000 }, (_, i) => ({
      id: `bulk-export-${i}`,
      type: 'customer.upserted',
      occurredAt: '2011-11-01T10:00:00.000Z',
      data: { customerId: `bx-${String(i).padStart(5, '0')}`, name: `Bulk Export ${i}`, email: `bulk${i}@example.test`, country: 'France' },
    }));
    for (let i = 0; i < events.length; i += 500) {
      const res = await sample.call('/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(events.slice(i, i + 500)),
      });
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    }
    const total = (await sample.call('/customers?limit=1')).body.total;
    const res = await raw('/customers/export.csv');
    expect(res.status).toBe(200);
    const parsed = parseBulk(await res.text());
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBe(total);
    expect(parsed.data.filter((r) => r.id!.startsWith('bx-')).length).toBe(2000);
    const france = (await sample.call('/customers?country=France&limit=1')).body.total;
    expect(parseBulk(await (await raw('/customers/export.csv?country=France')).text()).data.length).toBe(france);
  });
});
