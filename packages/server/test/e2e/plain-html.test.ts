/**
 * End to end, the plain-HTML host (issue #5): demo/plain/index.html — one
 * `<script type="module" src="/embed/assets/c360.js">` and one `<customer-360>` tag — shows the
 * customer in Chromium, served by c360 itself and, as a real host would be, from another origin
 * loading the bundle and the API cross-origin (CORS from C360_ALLOWED_ORIGINS). The bundle is
 * self-contained: it statically imports only its own small chunks, and uPlot arrives as a separate,
 * lazily imported chunk; no PDF library ships to the browser (PDFs are made by the server).
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BUNDLE_DIR, DEMO_DIR } from '../../src/server.js';
import { launchChromium, LOAD_MS, recordPageErrors, startDemoServer, type DemoServer } from './harness.js';

const PAGE = readFileSync(join(DEMO_DIR, 'plain', 'index.html'), 'utf8');
const BUILD = BUNDLE_DIR;

let demo: DemoServer;
let host: Server;
let hostUrl: string;
let browser: Browser;
let customerName: string;

/** Opens `url`, waits for customer 17850's name, and returns the bundle files the page fetched, in order. */
async function showsCustomer(url: string): Promise<{ page: Page; assets: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  recordPageErrors(page, errors, 'plain');
  const assets: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/embed/assets/')) assets.push(r.url().split('/embed/assets/')[1]!);
  });
  await page.goto(url);
  await page.locator('customer-360 customer-profile').getByText(customerName).first().waitFor({ timeout: LOAD_MS });
  return { page, assets, errors };
}

beforeAll(async () => {
  // The host: the same page, with the c360 addresses made absolute (a real host names its c360 server).
  host = createServer((_, res) => {
    const html = PAGE.replaceAll(`'/embed/assets/`, `'${demo.baseUrl}/embed/assets/`)
      .replaceAll(`"/embed/assets/`, `"${demo.baseUrl}/embed/assets/`)
      .replaceAll('api-base="/api"', `api-base="${demo.baseUrl}/api"`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  demo = await startDemoServer({ allowedOrigins: [hostUrl] });
  customerName = (await demo.db.selectFrom('customers').select('name').where('id', '=', '17850').executeTakeFirstOrThrow()).name;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await demo?.close();
  host?.closeAllConnections();
  await new Promise((resolve) => host?.close(resolve));
}, 60_000);

describe('plain HTML host (demo/plain/index.html)', () => {
  it('is one module script and one tag', () => {
    expect(PAGE.match(/<script type="module" src="[^"]+"><\/script>/g)).toEqual([
      '<script type="module" src="/embed/assets/c360.js"></script>',
    ]);
    expect(PAGE.match(/<customer-360\b/g)).toHaveLength(1);
  });

  it('shows the customer when served by c360 (the demo token from /demo-config.json)', async () => {
    const { page, assets, errors } = await showsCustomer(`${demo.baseUrl}/plain/`);
    expect(assets[0]).toBe('c360.js');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows the customer from another origin, loading the bundle and the API cross-origin', async () => {
    const { page, assets, errors } = await showsCustomer(`${hostUrl}/?token=${demo.token}`);
    expect(assets[0]).toBe('c360.js');
    const uplot = () => assets.some((a) => /^c360-uPlot\.esm-\w+\.js$/.test(a));
    // The behaviour section is far below the fold: no chart code yet …
    await page.locator('customer-360 behavior-analytics [part~=base]').first().waitFor({ timeout: LOAD_MS });
    await page.waitForTimeout(500);
    expect(uplot(), 'uPlot before the charts are near the viewport').toBe(false);
    // … until it scrolls near: then uPlot comes, as its own chunk, and the charts draw.
    await page.locator('customer-360 behavior-analytics').scrollIntoViewIfNeeded();
    await expect.poll(uplot, { timeout: LOAD_MS }).toBe(true);
    await page.locator('customer-360 behavior-analytics canvas').first().waitFor({ timeout: LOAD_MS });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('loads the search and comparison elements only when a page uses them', async () => {
    const { page, assets, errors } = await showsCustomer(`${hostUrl}/?token=${demo.token}`);
    const fetchedBefore = assets.length;
    expect(await page.evaluate(() => [customElements.get('customer-search'), customElements.get('customer-compare')].map(Boolean))).toEqual(
      [false, false],
    );
    // A host adds a search box later (as a framework would): its chunk is fetched and the tag upgrades.
    await page.evaluate(() =>
      document.body.append(
        Object.assign(document.createElement('customer-search'), {
          apiBase: document.querySelector('customer-360')!.getAttribute('api-base'),
        }),
      ),
    );
    await page.locator('customer-search input[type=search]').waitFor({ timeout: LOAD_MS });
    expect(assets.length).toBeGreaterThan(fetchedBefore);
    expect(await page.evaluate(() => Boolean(customElements.get('customer-search')))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('serves a self-contained bundle: own chunks only, uPlot imported lazily, no PDF library', async () => {
    const bundle = readFileSync(join(BUILD, 'c360.js'), 'utf8');
    const staticImports = [...bundle.matchAll(/from"(\.\/[^"]+)"/g)].map((m) => m[1]!);
    expect(staticImports.length).toBeGreaterThan(0);
    expect(staticImports.every((p) => /^\.\/c360-chunk-\w+\.js$/.test(p))).toBe(true);
    expect(bundle).toMatch(/import\("\.\/c360-uPlot\.esm-\w+\.js"\)/);
    for (const file of readdirSync(BUILD).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(join(BUILD, file), 'utf8'), file).not.toMatch(/jspdf|jsPDF/);
    }
    const res = await fetch(`${demo.baseUrl}/embed/assets/c360.js`, { headers: { origin: hostUrl } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('access-control-allow-origin')).toBe(hostUrl);
    const refused = await fetch(`${demo.baseUrl}/embed/assets/c360.js`, { headers: { origin: 'http://elsewhere.example' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
