/**
 * End to end, the Chatwoot dashboard app (issue #5 done-when): the Chatwoot stand-in of
 * demo/chatwoot-harness/ (served on its own origin, listed in C360_ALLOWED_ORIGINS) frames
 * /embed/chatwoot with a viewer token and answers its `chatwoot-dashboard-app:fetch-info` with the
 * contact's appContext. The frame shows the customer of that contact — found by email, phone or
 * identifier — and ignores a context posted from a second origin that is not allowed; that origin
 * cannot frame the page at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { createApiKey } from '../../src/auth/api-keys.js';
import { startChatwootHarness } from '../../../../demo/chatwoot-harness/serve.mjs';
import { launchChromium, LOAD_MS, recordPageErrors, startDemoServer, type DemoServer } from './harness.js';

interface Customer {
  id: string;
  name: string;
  email: string;
  phone: string;
}

let demo: DemoServer;
let chatwoot: { url: string; close(): Promise<void> };
let intruder: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let viewerToken: string;
let customers: Customer[];
const pageErrors: string[] = [];
const warnings: string[] = [];
/**
 * Chromium's notice when a cross-origin frame's element has `autofocus` (the close button of
 * <support-tickets>' ticket dialog, rendered closed): focus stays with the host, as it should.
 */
const AUTOFOCUS_NOTICE = /Blocked autofocusing on a <\w+> element in a cross-origin subframe/;
const errors = () => pageErrors.filter((e) => !AUTOFOCUS_NOTICE.test(e));

/** The c360 frame inside the stand-in. */
function appFrame(p: Page = page): Frame {
  const frame = p.frames().find((f) => f.url().includes('/embed/chatwoot'));
  if (!frame)
    throw new Error(
      `no /embed/chatwoot frame among ${p
        .frames()
        .map((f) => f.url())
        .join(', ')}`,
    );
  return frame;
}

/** The customer the frame shows: its `customer-id` once the profile shows that customer's name. */
async function shownCustomer(customer: Customer): Promise<void> {
  const frame = appFrame();
  await frame.locator('customer-profile').getByText(customer.name).first().waitFor({ timeout: LOAD_MS });
  expect(await frame.locator('customer-360').getAttribute('customer-id')).toBe(customer.id);
}

/** Opens a conversation in the stand-in with this contact. */
async function openConversation(contact: { identifier?: string; email?: string; phone_number?: string }): Promise<void> {
  for (const field of ['identifier', 'email', 'phone_number'] as const) {
    await page.locator(`#contact-form [name="${field}"]`).fill(contact[field] ?? '');
  }
  await page.locator('#contact-form button[type="submit"]').click();
}

beforeAll(async () => {
  [chatwoot, intruder] = await Promise.all([startChatwootHarness({ port: 0 }), startChatwootHarness({ port: 0 })]);
  demo = await startDemoServer({ allowedOrigins: [chatwoot.url] });
  viewerToken = (await createApiKey(demo.db, { name: 'Chatwoot sidebar', role: 'viewer' })).token;
  const rows = await demo.db
    .selectFrom('customers')
    .select(['id', 'name', 'email', 'phone'])
    .where('email', 'is not', null)
    .where('phone', 'is not', null)
    .orderBy('id')
    .limit(3)
    .execute();
  customers = rows.map((r) => ({ id: r.id, name: r.name, email: r.email!, phone: r.phone! }));
  expect(customers).toHaveLength(3);

  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  page = await context.newPage();
  recordPageErrors(page, pageErrors, 'chatwoot', true);
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await demo?.close();
  await Promise.all([chatwoot?.close(), intruder?.close()]);
}, 60_000);

describe('Chatwoot dashboard app (/embed/chatwoot) in a Chatwoot stand-in', () => {
  it('shows the customer of the contact Chatwoot sends, by email, then by phone, then by identifier', async () => {
    const [a, b, c] = customers as [Customer, Customer, Customer];
    const query = new URLSearchParams({ c360: demo.baseUrl, token: viewerToken, email: a.email.toUpperCase() });
    await page.goto(`${chatwoot.url}/?${query}`);
    await shownCustomer(a);
    expect(await appFrame().locator('customer-360').getAttribute('data-matched-by')).toBe('email');

    // Chatwoot sends E.164 numbers; the customer's is stored formatted.
    await openConversation({ phone_number: `+${b.phone.replace(/\D/g, '')}` });
    await shownCustomer(b);
    expect(await appFrame().locator('customer-360').getAttribute('data-matched-by')).toBe('phone');

    await openConversation({ identifier: c.id, email: 'someone-else@example.org' });
    await shownCustomer(c);
    expect(await appFrame().locator('customer-360').getAttribute('data-matched-by')).toBe('id');

    // A context with a theme sets it (Chatwoot sends none; the page's default is `auto`).
    expect(await appFrame().locator('customer-360').getAttribute('theme')).toBe('auto');
    await page.locator('#contact-form [name="theme"]').selectOption('dark');
    await page.locator('#contact-form button[type="submit"]').click();
    await expect.poll(() => appFrame().locator('customer-360').getAttribute('theme'), { timeout: 5_000 }).toBe('dark');
    await page.locator('#contact-form [name="theme"]').selectOption('');
    expect(errors()).toEqual([]);
  }, 120_000);

  it('ignores an appContext posted from an origin that is not in C360_ALLOWED_ORIGINS', async () => {
    const [a, , c] = customers as [Customer, Customer, Customer];
    // A frame of another origin inside the stand-in posts a context for customer a to the c360 frame.
    await page.evaluate((src) => {
      const iframe = Object.assign(document.createElement('iframe'), { src, name: 'intruder' });
      document.body.append(iframe);
      return new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    }, `${intruder.url}/`);
    const intruderFrame = page.frames().find((f) => f.url().startsWith(intruder.url))!;
    const forged = JSON.stringify({
      event: 'appContext',
      data: { contact: { email: a.email }, conversation: { id: 9 }, currentAgent: { id: 9 } },
    });
    await intruderFrame.evaluate((message) => window.parent.frames[0]!.postMessage(message, '*'), forged);

    await expect.poll(() => warnings.some((w) => w.includes(`ignored a message from ${intruder.url}`)), { timeout: 5_000 }).toBe(true);
    expect(await appFrame().locator('customer-360').getAttribute('customer-id')).toBe(c.id);
    await shownCustomer(c);
    expect(errors()).toEqual([]);
  }, 60_000);

  it('cannot be framed by an origin that is not allowed (Content-Security-Policy frame-ancestors)', async () => {
    const other = await context.newPage();
    const refusals: string[] = [];
    other.on('console', (m) => {
      if (m.type() === 'error') refusals.push(m.text());
    });
    const lookups: string[] = [];
    other.on('request', (r) => {
      if (r.url().includes('/embed/lookup')) lookups.push(r.url());
    });
    const query = new URLSearchParams({ c360: demo.baseUrl, token: viewerToken, identifier: customers[0]!.id });
    await other.goto(`${intruder.url}/?${query}`);
    await expect.poll(() => refusals.some((t) => t.includes('frame-ancestors')), { timeout: 10_000 }).toBe(true);
    expect(lookups).toEqual([]);
    await other.close();
  }, 60_000);

  it('looks contacts up exactly, for a token in the Authorization header only (GET /embed/lookup)', async () => {
    const [a] = customers as [Customer];
    const lookup = (query: Record<string, string>, token?: string) =>
      fetch(
        `${demo.baseUrl}/embed/lookup?${new URLSearchParams(query)}`,
        token ? { headers: { authorization: `Bearer ${token}` } } : {},
      ).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    expect(await lookup({ email: a.email.toUpperCase() }, viewerToken)).toEqual({
      status: 200,
      body: { customerId: a.id, matchedBy: 'email' },
    });
    expect(await lookup({ email: a.email.slice(2) }, viewerToken)).toMatchObject({
      status: 404,
      body: { detail: `No customer has email "${a.email.slice(2)}"` },
    });
    expect(await lookup({ name: a.name }, viewerToken)).toMatchObject({
      status: 400,
      body: { detail: expect.stringContaining('email, phone or id') },
    });
    expect(await lookup({ email: a.email })).toMatchObject({ status: 401 });
    expect(await lookup({ email: a.email, token: viewerToken })).toMatchObject({
      status: 401,
      body: { detail: expect.stringContaining('token query parameter') },
    });
  });

  it('answers a page that says what is wrong for a missing or unknown token', async () => {
    const missing = await fetch(`${demo.baseUrl}/embed/chatwoot`);
    expect(missing.status).toBe(401);
    expect(await missing.text()).toContain('This page needs a token');
    const unknown = await fetch(`${demo.baseUrl}/embed/chatwoot?token=c360_${'x'.repeat(43)}`);
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain('Unknown API key');
    const ok = await fetch(`${demo.baseUrl}/embed/chatwoot?token=${viewerToken}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${chatwoot.url}`);
    expect(ok.headers.get('x-frame-options')).toBeNull();
    expect(ok.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
