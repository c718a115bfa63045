/**
 * The demo page `/` of `c360 demo` (issue 13.5) holds an auto-loaded admin token: it gets the embed
 * pages' headers — a CSP with `frame-ancestors 'self'`, scripts from the c360 origin plus exactly its
 * own inline scripts (by hash), nosniff and `Referrer-Policy: no-referrer`. In real Chromium the page
 * still works under that policy (no violation reported, the 360 view renders), and a page of another
 * origin cannot frame it.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, LOAD_MS, startDemoServer, type DemoServer } from '../e2e/harness.js';

let demo: DemoServer;
let browser: Browser;
let other: Server;
let otherUrl: string;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchChromium();
  // Another site that tries to frame the demo page.
  other = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><iframe id="f" src="${demo.baseUrl}/"></iframe>`);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (other ? other.close(resolve) : resolve(undefined)));
  await demo?.close();
});

describe('demo page headers', () => {
  it('sends the CSP with frame-ancestors self and its inline-script hashes, nosniff and no-referrer', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await fetch(`${demo.baseUrl}${path}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("default-src 'none'");
      const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(inline.length).toBeGreaterThan(0);
      const scriptSrc = csp
        .split('; ')
        .find((d) => d.startsWith('script-src '))!
        .split(' ')
        .slice(1);
      expect(scriptSrc.sort()).toEqual(
        ["'self'", ...inline.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`)].sort(),
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const css = await fetch(`${demo.baseUrl}/demo.css`);
    expect(css.headers.get('x-content-type-options')).toBe('nosniff');
    expect(css.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('works in Chromium under the policy, and another origin cannot frame it', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${demo.baseUrl}/`);
    await page.locator('customer-360 customer-profile').first().waitFor({ timeout: LOAD_MS });
    expect(await page.evaluate(() => (window as unknown as { c360Config?: { token?: string } }).c360Config?.token)).toBeTruthy();
    expect(violations).toEqual([]);

    const framing = await browser.newPage();
    const refused: string[] = [];
    framing.on('console', (m) => {
      if (/frame-ancestors|Refused to frame/i.test(m.text())) refused.push(m.text());
    });
    await framing.goto(otherUrl);
    await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const framed = framing.frames().find((f) => f !== framing.mainFrame());
    expect(
      await framed?.evaluate(() => Boolean((window as unknown as { c360Config?: unknown }).c360Config)).catch(() => false),
    ).toBeFalsy();
    await page.close();
    await framing.close();
  });
});
