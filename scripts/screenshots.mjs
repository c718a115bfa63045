#!/usr/bin/env node
// Regenerates the documentation screenshots (docs/images/*.png) from a running demo:
//   npm start   (in another terminal), then   node scripts/screenshots.mjs [http://localhost:8360]
// Each shot opens the demo page in headless Chromium (Debian's, CHROMIUM_PATH to change), waits until
// customer 17850's 360 view shows no loading state, and saves the viewport.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = (process.argv[2] ?? 'http://localhost:8360').replace(/\/$/, '');
const out = fileURLToPath(new URL('../docs/images/', import.meta.url));
const SHOTS = [
  { file: 'demo.png', query: '?theme=light', width: 1280, height: 900 },
  { file: 'theme-light.png', query: '?theme=light', width: 1280, height: 900 },
  { file: 'theme-dark.png', query: '?theme=dark', width: 1280, height: 900 },
  { file: 'theme-host.png', query: '?theme=host', width: 1280, height: 900, scheme: 'dark' },
  { file: 'locale-ar.png', query: '?locale=ar&theme=light', width: 1280, height: 900 },
  { file: 'locale-fr.png', query: '?locale=fr-FR&theme=light', width: 1280, height: 900 },
  { file: 'mobile-375.png', query: '?theme=light', width: 375, height: 812 },
];
// True once no element in the page (through shadow roots) shows a loading state and the profile has a name.
const RENDERED = `(() => {
  const all = (root, out = []) => { for (const el of root.querySelectorAll('*')) { out.push(el); if (el.shadowRoot) all(el.shadowRoot, out); } return out; };
  const els = all(document);
  const profile = els.find((e) => e.localName === 'customer-profile');
  return !!profile?.shadowRoot?.querySelector('[part~=name]') && !els.some((e) => e.shadowRoot?.querySelector('[part~="loading"]'));
})()`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  for (const shot of SHOTS) {
    // bypassCSP: the demo's Content-Security-Policy has no 'unsafe-eval', which the readiness check is evaluated with.
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.scheme ?? 'light',
      bypassCSP: true,
    });
    await page.goto(`${base}/${shot.query}#17850`);
    await page.waitForFunction(RENDERED, undefined, { timeout: 30_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}${shot.file}` });
    console.log(`docs/images/${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
}
