/**
 * End to end, the Refine host (issue #5 done-when): the Refine example (demo/refine/) built from
 * source, served by the real server started as `c360 demo` does it, in headless Chromium. The
 * customers list pages, sorts and filters through the c360 data provider (checked against GET
 * /api/customers), a row opens the show page with `<customer-360>`, and a `c360-navigate` from
 * inside the view routes through Refine's router (the address changes, the page does not reload):
 * an order to the host's order route, a tag to the list filtered by it. A list page costs one API
 * request (health and churn are on the rows), and the list refreshes live (the c360 liveProvider,
 * one change stream) when a note or an order lands on one of its customers.
 *
 * The example is built here (`node demo/refine/build.mjs`) when demo/refine/build/app.js is missing
 * (`npm test` builds every example before the node tests).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CustomerSearchPage } from '@c360/sdk';
import { launchChromium, LOAD_MS, recordPageErrors, ROOT, startDemoServer, type DemoServer } from './harness.js';

/** How long a list update (a data-provider request and a re-render) may take. */
const UPDATE_MS = 15_000;

let demo: DemoServer;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

/** GET /api/customers as the demo admin (what the list should show). */
async function api(query: string): Promise<CustomerSearchPage> {
  const res = await fetch(`${demo.baseUrl}/api/customers?${query}`, { headers: { authorization: `Bearer ${demo.token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as CustomerSearchPage;
}

/** The names in the Name column of the table, top to bottom. */
const rowNames = () => page.locator('.ant-table-tbody tr.ant-table-row td:first-child a').allTextContents();

/** Waits until the table shows exactly `names`. */
async function expectRows(names: string[]): Promise<void> {
  await expect.poll(rowNames, { timeout: UPDATE_MS }).toEqual(names);
}

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'demo/refine/build/app.js'))) {
    execFileSync(process.execPath, ['demo/refine/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  demo = await startDemoServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  recordPageErrors(page, pageErrors, 'refine');
  await page.goto(`${demo.baseUrl}/refine/`);
  await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: LOAD_MS });
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await demo?.close();
}, 60_000);

describe('the Refine example (c360 data provider, <customer-360> show page)', () => {
  it('lists customers from the API, and the next page shows the next ones', async () => {
    const first = await api('limit=10');
    const second = await api(`limit=10&cursor=${first.nextCursor}`);
    await expectRows(first.items.map((c) => c.name));
    await expect.poll(() => page.getByText(`${first.total} customers`).count()).toBe(1);

    await page.locator('.ant-pagination-item-2').click();
    await expectRows(second.items.map((c) => c.name));
    expect(page.url()).toContain('currentPage=2');
    expect(second.items.some((c) => first.items.some((f) => f.id === c.id))).toBe(false);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('sorting by CLV reorders the list (highest first)', async () => {
    const top = await api('sort=-lifetimeValue&limit=10');
    await page.locator('.ant-table-thead th', { hasText: 'CLV' }).click();
    await expectRows(top.items.map((c) => c.name));
    expect(decodeURIComponent(page.url())).toContain('sorters[0][field]=lifetimeValue');
    expect(page.url()).toContain('currentPage=1'); // a new order starts at the first page
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('typing in the search box narrows the list to the matches', async () => {
    const everyone = await api('limit=1');
    const word = (await api('limit=1&sort=-totalOrders')).items[0]!.name.split(' ').at(-1)!;
    const matches = await api(`q=${encodeURIComponent(word)}&sort=-lifetimeValue&limit=10`);
    expect(matches.total).toBeLessThan(everyone.total);

    await page.getByLabel('Search customers').fill(word);
    await page.getByLabel('Search customers').press('Enter');
    await expectRows(matches.items.map((c) => c.name));
    await expect.poll(() => page.getByText(`${matches.total} customers`).count()).toBe(1);
    expect(decodeURIComponent(page.url())).toContain(`[value]=${word}`);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('clicking a row opens the show page with the customer 360 view, themed from antd tokens', async () => {
    const name = (await rowNames())[0]!;
    const customer = (await api(`q=${encodeURIComponent(name)}&limit=1`)).items[0]!;
    await page.locator('.ant-table-tbody tr.ant-table-row').first().click();
    await expect.poll(() => page.url(), { timeout: UPDATE_MS }).toContain(`#/customers/${customer.id}`);
    await page.locator('customer-profile').getByText(customer.name).first().waitFor({ timeout: LOAD_MS });
    // The theme preset set antd's primary colour on the wrapper; the element sees it.
    const accent = await page.locator('customer-360').evaluate((el) => getComputedStyle(el).getPropertyValue('--c360-color-accent').trim());
    expect(accent.toLowerCase()).toMatch(/^#1677ff$|^rgb/);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('an order clicked inside the view routes through Refine’s router, without reloading the page', async () => {
    const customerId = /#\/customers\/([^/?]+)/.exec(page.url())![1]!;
    // The link's href leads to the same address, so check that the show page took the event: a
    // document listener (after the element's, as the event bubbles) sees it cancelled.
    await page.evaluate(() => {
      const w = window as unknown as { sameDocument: boolean; navigations: string[] };
      w.sameDocument = true;
      w.navigations = [];
      document.addEventListener('c360-navigate', (e) => {
        const { kind, id } = (e as CustomEvent<{ kind: string; id: string }>).detail;
        w.navigations.push(`${kind} ${id} ${e.defaultPrevented}`);
      });
    });
    const order = page.locator('order-history tr[data-order-id]').first();
    await order.waitFor({ timeout: LOAD_MS });
    const orderId = (await order.getAttribute('data-order-id'))!;
    await order.locator('a').first().click();

    await expect
      .poll(() => page.url(), { timeout: UPDATE_MS })
      .toContain(`#/customers/${customerId}/orders/${encodeURIComponent(orderId)}`);
    await page.getByText(`Order ${orderId}`, { exact: true }).waitFor({ timeout: UPDATE_MS });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { navigations: string[] }).navigations)).toEqual([`order ${orderId} true`]);

    // And back through Refine to the show page.
    await page.getByRole('button', { name: 'Back to the customer' }).click();
    await expect.poll(() => page.url(), { timeout: UPDATE_MS }).toMatch(new RegExp(`#/customers/${customerId}$`));
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('a tag clicked inside the view opens the customers list filtered by that tag', async () => {
    const res = await fetch(`${demo.baseUrl}/api/customers/17850/tags`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'refine-e2e' }),
    });
    expect(res.status).toBeLessThan(300);
    const tagId = ((await res.json()) as { tags: { id: string; name: string }[] }).tags.find((t) => t.name === 'refine-e2e')!.id;
    await page.goto(`${demo.baseUrl}/refine/#/customers/17850`);
    const link = page.locator('customer-tags a', { hasText: 'refine-e2e' });
    await link.waitFor({ timeout: LOAD_MS });
    await link.click();

    await expect.poll(() => decodeURIComponent(page.url()), { timeout: UPDATE_MS }).toContain(`filters[0][value]=${tagId}`);
    const tagged = await api(`tag=${encodeURIComponent(tagId)}`);
    await expectRows(tagged.items.map((c) => c.name));
    expect(tagged.items.map((c) => c.id)).toEqual(['17850']);
    await page.getByText('tag: refine-e2e').waitFor({ timeout: UPDATE_MS });
    expect(pageErrors).toEqual([]);
  }, 90_000);
});

describe('the Refine list: one request per page, refreshed live', () => {
  /** The page's requests to the API from now on (path and query). */
  function recordApi(): string[] {
    const seen: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) seen.push(`${url.pathname}${url.search}`);
    });
    return seen;
  }
  /** The cells of the row of `name`: Name, Email, Country, CLV, Orders, Health, Churn risk. */
  const rowCells = (name: string) =>
    page.locator('.ant-table-tbody tr.ant-table-row', { hasText: name }).first().locator('td').allTextContents();

  it('a list page costs one request: health and churn come with the rows, no /360 per row', async () => {
    await page.goto('about:blank'); // a fresh load of the app, not a hash change of the filtered list
    const seen = recordApi();
    await page.goto(`${demo.baseUrl}/refine/#/customers?currentPage=1&pageSize=10`);
    const first = await api('limit=10');
    await expectRows(first.items.map((c) => c.name));
    await expect
      .poll(() => rowCells(first.items[0]!.name), { timeout: UPDATE_MS })
      .toContainEqual(expect.stringMatching(/^\d+ · (excellent|good|fair|poor)$/));
    await page.locator('.ant-pagination-item-2').click();
    const second = await api(`limit=10&cursor=${first.nextCursor}`);
    await expectRows(second.items.map((c) => c.name));
    const searches = seen.filter((p) => /^\/api\/customers\?/.test(p));
    expect(searches).toHaveLength(2);
    expect(seen.filter((p) => /^\/api\/customers\/[^/?]+\/360/.test(p))).toEqual([]);
    // The list follows the customers it shows on one change stream (moved to page 2's rows).
    await expect
      .poll(() => seen.filter((p) => p.startsWith('/api/stream?')).at(-1), { timeout: UPDATE_MS })
      .toBe(`/api/stream?${new URLSearchParams({ customer: second.items.map((c) => c.id).join(',') })}`);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('refreshes live when a note or an order lands on one of its customers', async () => {
    const shown = await api(`limit=10&cursor=${(await api('limit=10')).nextCursor}`);
    const customer = shown.items[3]!;
    await expect.poll(() => rowCells(customer.name), { timeout: UPDATE_MS }).toContain(String(customer.totalOrders));
    const seen = recordApi();
    const auth = { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' };

    const note = await fetch(`${demo.baseUrl}/api/customers/${encodeURIComponent(customer.id)}/notes`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ body: 'Refine live note' }),
    });
    expect(note.status).toBe(201);
    await expect.poll(() => seen.filter((p) => /^\/api\/customers\?/.test(p)).length, { timeout: UPDATE_MS }).toBeGreaterThan(0);

    const orderId = `REFINE-LIVE-${Date.now()}`;
    const order = {
      id: `evt-${orderId}`,
      type: 'order.placed',
      occurredAt: '2011-12-09T11:00:00Z',
      data: {
        customerId: customer.id,
        orderId,
        status: 'completed',
        currency: 'GBP',
        lines: [{ productId: 'REFINE-LIVE', description: 'Live order', quantity: 1, unitPrice: 25 }],
      },
    };
    const ingest = await fetch(`${demo.baseUrl}/api/events`, { method: 'POST', headers: auth, body: JSON.stringify([order]) });
    expect(ingest.status).toBeLessThan(300);
    // No reload, no click: the Orders cell of that row shows one more order.
    await expect.poll(() => rowCells(customer.name), { timeout: UPDATE_MS }).toContain(String(customer.totalOrders + 1));
    expect(seen.filter((p) => /^\/api\/customers\/[^/?]+\/360/.test(p))).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
