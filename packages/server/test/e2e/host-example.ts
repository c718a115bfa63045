/**
 * The browser test every host example (demo/react, demo/vue) passes: built from its sources, served
 * by the real server as `c360 demo` serves it (harness.ts), opened in headless Chromium, it renders
 * the 360 view of the sample customer, the JS property the app passed has arrived as a property,
 * clicking an order dispatches `c360-navigate` which the app handles (it stops the link and shows
 * where it would route), and choosing a search result (`c360-select`) switches the customer.
 *
 * The examples share one page contract: `#current` (the customer shown), `#navigated` (what the app
 * received from `c360-navigate`), and `<customer-360 collapsed>` = `['marketing', 'behavior']`,
 * passed as a property.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, LOAD_MS, recordPageErrors, ROOT, startDemoServer, type DemoServer } from './harness.js';

const CUSTOMER_ID = '17850';
/** What the examples pass as `collapsed`: an array, which only a property can carry as is. */
const COLLAPSED = ['marketing', 'behavior'];

/** Builds demo/<host>/build/ when it is missing (`npm test` builds every example before the node tests). */
function ensureBuilt(host: string): void {
  if (!existsSync(join(ROOT, 'demo', host, 'build', 'main.js'))) {
    execFileSync(process.execPath, [join('demo', host, 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
}

/** Defines the host example's browser tests; `host` is its folder under demo/ and its path on the server. */
export function describeHostExample(host: string, title: string): void {
  let demo: DemoServer;
  let browser: Browser | undefined;
  let page: Page;
  let customerName: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureBuilt(host);
    demo = await startDemoServer();
    customerName = (await demo.db.selectFrom('customers').select('name').where('id', '=', CUSTOMER_ID).executeTakeFirstOrThrow()).name;
    browser = await launchChromium();
    page = await browser.newPage();
    recordPageErrors(page, pageErrors, host, true);
    await page.goto(`${demo.baseUrl}/${host}/`);
    await page.locator('customer-profile').getByText(customerName).first().waitFor({ timeout: LOAD_MS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await demo?.close();
  }, 60_000);

  describe(title, () => {
    it(`renders customer ${CUSTOMER_ID}'s 360 view with the property the app passed`, async () => {
      await expect(page.locator('#current').textContent()).resolves.toBe(CUSTOMER_ID);
      const view = await page.locator('customer-360').evaluate((el: HTMLElement & { collapsed: string[]; customerId?: string }) => ({
        customerId: el.customerId,
        collapsed: el.collapsed,
        collapsedAttribute: el.getAttribute('collapsed'),
      }));
      // An array that arrived as a property (an attribute would be a string, set on the element).
      expect(view).toEqual({ customerId: CUSTOMER_ID, collapsed: COLLAPSED, collapsedAttribute: null });
      for (const id of COLLAPSED) {
        await expect(
          page.locator(`customer-360 section[data-section="${id}"] [part~="section-toggle"]`).getAttribute('aria-expanded'),
        ).resolves.toBe('false');
      }
      await expect(
        page.locator('customer-360 section[data-section="orders"] [part~="section-toggle"]').getAttribute('aria-expanded'),
      ).resolves.toBe('true');
      expect(pageErrors).toEqual([]);
    }, 60_000);

    it('clicking an order dispatches c360-navigate, which the app handles instead of following the link', async () => {
      const order = page.locator('customer-360 order-history a[part~="order-link"]').first();
      await order.waitFor({ timeout: LOAD_MS });
      const href = await order.getAttribute('href');
      expect(href).toMatch(/^\/orders\/[^/]+$/);
      const id = decodeURIComponent(href!.slice('/orders/'.length));
      const before = page.url();

      await order.click();

      await expect.poll(() => page.locator('#navigated').textContent(), { timeout: 5_000 }).toContain(`order ${id}`);
      // The app called preventDefault(): the link did not navigate.
      expect(page.url()).toBe(before);
      expect(pageErrors).toEqual([]);
    }, 60_000);

    it('choosing a customer in the search dispatches c360-select, and the app shows that customer', async () => {
      const other = await demo.db
        .selectFrom('customers')
        .select(['id', 'name'])
        .where('id', '!=', CUSTOMER_ID)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await page.locator('customer-search input[part~="input"]').fill(other.id);
      await page.locator('customer-search [role="row"]').filter({ hasText: other.name }).first().click({ timeout: LOAD_MS });

      await expect.poll(() => page.locator('#current').textContent(), { timeout: 5_000 }).toBe(other.id);
      await page.locator('customer-profile').getByText(other.name).first().waitFor({ timeout: LOAD_MS });
      // The property stays as the app passed it.
      await expect(page.locator('customer-360').evaluate((el: HTMLElement & { collapsed: string[] }) => el.collapsed)).resolves.toEqual(
        COLLAPSED,
      );
      expect(pageErrors).toEqual([]);
    }, 90_000);
  });
}
