/**
 * End to end, the iframe sidebar page `/embed/customer?email=…|phone=…|id=…&token=…` (issue #5):
 * it finds the customer by exact email (any case), phone (any formatting) or id, only for a valid
 * token allowed to see that customer; an expired, forged or other customer's embed token gets a
 * page that says so. In Chromium, a helpdesk page of another origin (listed in
 * C360_ALLOWED_ORIGINS) frames it at sidebar width and sees the customer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { signEmbedToken } from '../../src/auth/embed-tokens.js';
import { createApiKey } from '../../src/auth/api-keys.js';
import { launchChromium, LOAD_MS, recordPageErrors, startDemoServer, type DemoServer } from './harness.js';

const SECRET = 'embed-customer-test-secret-0123456789abcdef';

interface Customer {
  id: string;
  name: string;
  email: string;
  phone: string;
}

let demo: DemoServer;
let customer: Customer;
let other: Customer;
let viewerKey: string;
let browser: Browser | undefined;
/** The helpdesk: a page of its own origin (127.0.0.1, another port) that frames the sidebar. */
let helpdesk: Server;
let HELPDESK: string;
/** What the helpdesk page frames. */
let sidebarSrc = 'about:blank';

/** An embed token for `customerId`, valid for `seconds` (negative: already expired). */
function embedToken(customerId: string, seconds = 900, secret = SECRET, role: 'viewer' | 'manager' = 'viewer'): string {
  return signEmbedToken({ sub: customerId, name: 'Dana (support)', role, exp: Math.floor(Date.now() / 1000) + seconds }, secret);
}

async function open(query: Record<string, string>): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(`${demo.baseUrl}/embed/customer?${new URLSearchParams(query)}`);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

beforeAll(async () => {
  helpdesk = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Ticket #1</title><main>Ticket #1</main>
      <iframe id="sidebar" style="width:400px;height:800px;border:0" src="${sidebarSrc.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`);
  });
  await new Promise<void>((resolve) => helpdesk.listen(0, '127.0.0.1', resolve));
  HELPDESK = `http://127.0.0.1:${(helpdesk.address() as AddressInfo).port}`;
  demo = await startDemoServer({ allowedOrigins: [HELPDESK], secret: SECRET });
  const rows = await demo.db
    .selectFrom('customers')
    .select(['id', 'name', 'email', 'phone'])
    .where('email', 'is not', null)
    .where('phone', 'is not', null)
    .orderBy('id')
    .limit(2)
    .execute();
  [customer, other] = rows.map((r) => ({ id: r.id, name: r.name, email: r.email!, phone: r.phone! })) as [Customer, Customer];
  viewerKey = (await createApiKey(demo.db, { name: 'Helpdesk sidebar', role: 'viewer' })).token;
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await demo?.close();
  helpdesk?.closeAllConnections();
  await new Promise((resolve) => helpdesk?.close(resolve));
}, 60_000);

describe('/embed/customer finds the customer', () => {
  it.each([
    ['email', () => ({ email: customer.email })],
    ['email in another case', () => ({ email: customer.email.toUpperCase() })],
    ['phone as digits with a +', () => ({ phone: `+${customer.phone.replace(/\D/g, '')}` })],
    ['phone with spaces and dashes', () => ({ phone: customer.phone.replace(/\D/g, '').replace(/(\d{2})(\d{4})/, '$1 $2-') })],
    ['id', () => ({ id: customer.id })],
  ])('by %s', async (_, keys) => {
    const page = await open({ ...keys(), token: embedToken(customer.id) });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`customer-id="${customer.id}"`);
    expect(page.body).toContain('src="/embed/assets/c360.js"');
  });

  it('matches whole emails only, not a part of one', async () => {
    const page = await open({ email: customer.email.slice(1), token: viewerKey });
    expect(page.status).toBe(404);
    expect(page.body).toContain(`No customer has email &quot;${customer.email.slice(1)}&quot;`);
  });

  it('is framable by the allowed origins only, and keeps the token out of referrers and caches', async () => {
    const { headers } = await open({ id: customer.id, token: embedToken(customer.id) });
    expect(headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${HELPDESK}`);
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(headers.get('x-frame-options')).toBeNull();
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('cache-control')).toBe('no-store');
  });
});

describe('/embed/customer refuses, saying why', () => {
  it('an expired embed token (401)', async () => {
    const page = await open({ email: customer.email, token: embedToken(customer.id, -60) });
    expect(page.status).toBe(401);
    expect(page.body).toMatch(/The embed token expired at \d{4}-\d\d-\d\dT/);
    expect(page.body).not.toContain('<customer-360');
  });

  it('a forged embed token: signed with another secret (401)', async () => {
    const page = await open({
      email: customer.email,
      token: embedToken(customer.id, 900, 'another-secret-that-is-long-enough-0123456789'),
    });
    expect(page.status).toBe(401);
    expect(page.body).toContain('signature does not match');
  });

  it('a forged embed token: payload changed to another customer (401)', async () => {
    const [header, payload, signature] = embedToken(customer.id).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: other.id })).toString('base64url')}.${signature}`;
    const page = await open({ id: other.id, token: tampered });
    expect(page.status).toBe(401);
    expect(page.body).toContain('signature does not match');
  });

  it('another customer’s embed token (403), without saying whether the email exists', async () => {
    const page = await open({ email: customer.email, token: embedToken(other.id) });
    expect(page.status).toBe(403);
    expect(page.body).toContain(`The token is for customer ${other.id} only, and email &quot;${customer.email}&quot; is not that customer`);
    const unknown = await open({ email: 'nobody@example.org', token: embedToken(other.id) });
    expect(unknown.status).toBe(403);
  });

  it('no token, no customer keys, or a bad theme (naming the parameter)', async () => {
    const noToken = await open({ email: customer.email });
    expect(noToken.status).toBe(401);
    expect(noToken.body).toContain('This page needs a token');
    const noKeys = await open({ token: embedToken(customer.id) });
    expect(noKeys.status).toBe(400);
    expect(noKeys.body).toContain('add one of the query parameters email, phone or id');
    const badTheme = await open({ id: customer.id, token: embedToken(customer.id), theme: 'purple' });
    expect(badTheme.status).toBe(400);
    expect(badTheme.body).toContain('theme: must be light, dark or auto');
  });

  it('an unknown customer for an unscoped viewer key (404)', async () => {
    const page = await open({ phone: '+1 555 0100 999', token: viewerKey });
    expect(page.status).toBe(404);
    expect(page.body).toContain('No customer has phone &quot;+1 555 0100 999&quot;');
  });
});

describe('/embed/customer in a helpdesk sidebar (Chromium)', () => {
  it('shows the customer in a 400px iframe of an allowed origin, with no page errors', async () => {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors: string[] = [];
    recordPageErrors(page, errors, 'helpdesk');
    sidebarSrc = `${demo.baseUrl}/embed/customer?${new URLSearchParams({ email: customer.email, token: embedToken(customer.id), theme: 'dark' })}`;
    await page.goto(`${HELPDESK}/tickets/1`);
    const frame = page.frameLocator('#sidebar');
    await frame.locator('customer-profile').getByText(customer.name).first().waitFor({ timeout: LOAD_MS });
    expect(await frame.locator('customer-360').getAttribute('theme')).toBe('dark');
    // One column at sidebar width: every section spans the whole width of the view.
    const widths = await frame
      .locator('customer-360')
      .evaluate((el) =>
        [...el.shadowRoot!.querySelectorAll('section')].slice(0, 4).map((s) => Math.round(s.getBoundingClientRect().width)),
      );
    const full = await frame.locator('customer-360').evaluate((el) => Math.round(el.getBoundingClientRect().width));
    expect(widths.every((w) => w >= full - 2)).toBe(true);
    expect(errors).toEqual([]);
  }, 120_000);

  it("a manager's embed token: the writes its scope allows, and no access-denied box (no catalogue across customers is asked for)", async () => {
    const page = await browser!.newPage({ viewport: { width: 400, height: 900 } });
    const errors: string[] = [];
    recordPageErrors(page, errors, 'manager sidebar');
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 403) refused.push(new URL(r.url()).pathname);
    });
    await page.goto(
      `${demo.baseUrl}/embed/customer?${new URLSearchParams({ id: customer.id, token: embedToken(customer.id, 900, SECRET, 'manager') })}`,
    );
    await page.locator('customer-profile').getByText(customer.name).first().waitFor({ timeout: LOAD_MS });
    await page.locator('customer-notes form').waitFor({ timeout: LOAD_MS }); // notes:write, on its own customer
    await page.locator('customer-segments [part=base]').waitFor({ timeout: LOAD_MS });
    await page.waitForTimeout(1000);
    expect(await page.locator('[part~=denied]').count()).toBe(0);
    expect(await page.locator('customer-segments [part=add]').count()).toBe(0);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
