/**
 * End to end, live refresh (issue done-when): two Chromium sessions on the same customer — a note
 * added in one, an order ingested through /api/events — both show up in the other without reload.
 *
 * The server is started in-process exactly as `c360 demo` does it (src/cli/serve-command.ts): a
 * fresh database with the demo data, the demo admin token, the demo page and bundle at `/`, and
 * `/demo-config.json` for a browser on this machine (hence `localhost`, not 127.0.0.1). The page
 * loads demo/build/c360.js; it is built here (`node scripts/bundle.mjs`) when it is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ServerType } from '@hono/node-server';
import { openDb, type Db } from '../../src/db/connect.js';
import { datasetAsOf, ensureDemoData } from '../../src/demo/load-demo.js';
import { ensureDemoToken } from '../../src/auth/demo.js';
import { resolveEmbedSecret } from '../../src/auth/embed-tokens.js';
import { parseWriteRate } from '../../src/auth/rate-limit.js';
import { resolveAsOf } from '../../src/scoring/clock.js';
import { resolveHealthWeights } from '../../src/scoring/health.js';
import { createServerApp, DEMO_DIR, listen } from '../../src/server.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CUSTOMER_ID = '17850';
/** Live updates must arrive within this (the issue: "without reload"; no polling interval to wait out). */
const LIVE_MS = 5_000;
/** First load of the page on a slow 2-core CI machine (bundle, 14 sections, their requests). */
const LOAD_MS = 45_000;

let dir: string;
let db: Db;
let server: ServerType | undefined;
let baseUrl: string;
let token: string;
let asOf: Date;
let customerName: string;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
let pageA: Page;
let pageB: Page;
const pageErrors: string[] = [];

/** Closes the HTTP server, SSE streams included. */
function closeServer(s: ServerType): Promise<void> {
  return new Promise((resolve) => {
    s.close(() => resolve());
    (s as ServerType & { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}

async function openSession(name: string): Promise<Page> {
  const context = await browser!.newContext();
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
  await page.goto(`${baseUrl}/#${CUSTOMER_ID}`);
  return page;
}

beforeAll(async () => {
  if (!existsSync(join(DEMO_DIR, 'build', 'c360.js'))) {
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }

  // What `c360 demo` does (serve-command.ts with mode 'demo', no flags): demo data into an empty
  // database, as-of = the dataset's latest timestamp unless C360_NOW is set, the demo admin token.
  dir = mkdtempSync(join(tmpdir(), 'c360-e2e-'));
  db = await openDb({ file: join(dir, 'c360.db') });
  await ensureDemoData(db);
  const env = process.env;
  const recorded = await datasetAsOf(db);
  const wantsDataset = !env.C360_NOW;
  asOf = resolveAsOf({ asOf: undefined, env: wantsDataset ? {} : env, fallback: wantsDataset ? (recorded ?? undefined) : undefined });
  const secret = env.C360_SECRET ? await resolveEmbedSecret(db, env) : undefined;
  token = (await ensureDemoToken(db)).token;
  const app = createServerApp({
    db,
    asOf,
    healthWeights: resolveHealthWeights(env),
    allowedOrigins: [],
    auth: { secret, writeRate: parseWriteRate(env.C360_WRITE_RATE) },
    demoDir: DEMO_DIR,
    demoToken: token,
  });
  server = await listen(app, 0, '127.0.0.1');
  baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;

  const customer = await db.selectFrom('customers').select('name').where('id', '=', CUSTOMER_ID).executeTakeFirstOrThrow();
  customerName = customer.name;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // Two sessions: separate contexts, so separate cookies, storage and connections.
  [pageA, pageB] = await Promise.all([openSession('A'), openSession('B')]);
  await Promise.all(
    [pageA, pageB].map(async (page) => {
      await page.locator('customer-profile').getByText(customerName).first().waitFor({ timeout: LOAD_MS });
      // The sections this test watches have loaded (their first render is not the live update).
      await page.locator('customer-notes form').waitFor({ timeout: LOAD_MS });
      await page.locator('order-history [data-total="orders"]').waitFor({ timeout: LOAD_MS });
    }),
  );
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close().catch(() => {});
  if (server) await closeServer(server);
  await db?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('two browser sessions on the same customer (live refresh over SSE)', () => {
  it('a note added in session A shows up in session B without reload', async () => {
    const text = `E2E live note ${Date.now()}`;
    const navigations = [0, 0];
    pageA.on('framenavigated', (f) => { if (f === pageA.mainFrame()) navigations[0]++; });
    pageB.on('framenavigated', (f) => { if (f === pageB.mainFrame()) navigations[1]++; });

    await pageA.locator('customer-notes textarea').fill(text);
    await pageA.locator('customer-notes button[type="submit"]').click();

    // Session A shows it at once (its own write) …
    await expect.poll(() => pageA.locator('customer-notes li.note').filter({ hasText: text }).count(), { timeout: LIVE_MS }).toBe(1);
    // … and session B gets it live.
    await expect.poll(() => pageB.locator('customer-notes li.note').filter({ hasText: text }).count(), { timeout: LIVE_MS }).toBe(1);

    // It was written once, by the demo admin key.
    const rows = await db.selectFrom('notes').selectAll().where('customer_id', '=', CUSTOMER_ID).where('body', '=', text).execute();
    expect(rows).toHaveLength(1);
    expect(navigations).toEqual([0, 0]);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('an order ingested through POST /api/events shows up in both sessions without reload', async () => {
    const stamp = Date.now();
    const number = `E2E-${stamp}`;
    const ordersBefore = await Promise.all([pageA, pageB].map((p) => p.locator('order-history [data-total="orders"]').textContent()));
    // Placed at the as-of time (the newest order, so first on the first page).
    const occurredAt = asOf.toISOString();
    const res = await fetch(`${baseUrl}/api/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify([{
        id: `e2e-order-${stamp}`,
        type: 'order.placed',
        occurredAt,
        data: { customerId: CUSTOMER_ID, orderId: `E2E-O-${stamp}`, number, currency: 'GBP', lines: [{ productId: '85123A', quantity: 3, unitPrice: 2.55 }] },
      }]),
    });
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { received: 1, applied: 1, duplicates: 0 } });

    for (const page of [pageA, pageB]) {
      await expect.poll(() => page.locator('order-history').getByText(number, { exact: true }).count(), { timeout: LIVE_MS }).toBe(1);
    }
    // The totals changed with it (one more order).
    const ordersAfter = await Promise.all([pageA, pageB].map((p) => p.locator('order-history [data-total="orders"]').textContent()));
    const count = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));
    expect(ordersAfter.map(count)).toEqual(ordersBefore.map((s) => count(s) + 1));
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
