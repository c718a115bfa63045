/**
 * Page-load benchmark (issue #5): what a page loads for `<customer-360>` before any interaction,
 * gzip-compressed, against the 80 KB budget, and the time from navigation to a fully rendered 360
 * view in headless Chromium.
 *
 * The real server as `c360 demo` runs it (fresh database from the bundled sample, demo folder and
 * bundle) on localhost; a page with one `<customer-360>` (default `/plain/`, the plain-HTML example).
 * Each run is a new browser context (empty cache). Every response the page receives without any
 * interaction — until {@link QUIET_MS} after the view is rendered — is recorded; scripts and stylesheets are gzipped here (level 9, as a CDN would serve them;
 * the demo server sends them uncompressed) and summed: that is the code budget. The API's JSON is
 * reported beside it (data, not code). "Fully rendered": the customer's name is in
 * `customer-profile`, every section element has rendered content and no element in the tree shows a
 * loading state — checked on every animation frame; the time is that frame's, from navigation start.
 * @module
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEMO_DIR } from '../../packages/server/src/server.js';
import { openBrowserBench } from './browser-bench.js';
import { loadAverage } from './machine.js';
import { ms, summarize } from './stats.js';
import { flagsOrExitCode } from './cli.js';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));
const BUDGET_KB = 80;
/** After the view is rendered, how long the page is left alone before the recording stops. */
const QUIET_MS = 1500;
const SECTIONS = [
  'customer-profile',
  'customer-metrics',
  'health-gauge',
  'churn-risk',
  'order-history',
  'loyalty-status',
  'marketing-engagement',
  'support-tickets',
  'payment-methods',
  'behavior-analytics',
  'customer-timeline',
  'customer-notes',
  'customer-tags',
  'customer-segments',
];

interface Args {
  runs: number;
  page: string;
  width: number;
}
const USAGE = `usage: npx tsx bench/page-load.ts [--runs 10] [--page /plain/] [--width 1280]
  --runs N    cold page loads measured (each in a new browser context)
  --page P    the page to load (a page with one <customer-360> of customer 17850)
  --width W   viewport width in CSS pixels (height 900)`;

function parseArgs(argv: string[]): Args | null {
  const a: Args = { runs: 10, page: '/plain/', width: 1280 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--help' || flag === '-h') return null;
    const value = argv[++i] ?? '';
    if (flag === '--page') a.page = value.startsWith('/') ? value : `/${value}`;
    else if (flag === '--runs' || flag === '--width') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number ≥ 1 (got "${value}")`);
      a[flag === '--runs' ? 'runs' : 'width'] = n;
    } else throw new Error(`unknown flag ${flag}\n${USAGE}`);
  }
  return a;
}

const log = (line: string) => console.error(`[page-load] ${line}`);

/** In the page: resolves with performance.now() of the first frame in which the 360 view is fully rendered. */
const RENDERED = `(sections) => new Promise((resolve, reject) => {
  const all = (root, out = []) => { for (const el of root.querySelectorAll('*')) { out.push(el); if (el.shadowRoot) all(el.shadowRoot, out); } return out; };
  const until = performance.now() + 60000;
  const check = () => {
    const els = all(document);
    const byTag = (t) => els.filter((e) => e.localName === t);
    const done = sections.every((t) => byTag(t).some((e) => e.shadowRoot && e.shadowRoot.querySelector('[part]')))
      && !els.some((e) => e.shadowRoot && e.shadowRoot.querySelector('[part~="loading"]'))
      && (byTag('customer-profile')[0]?.shadowRoot?.textContent ?? '').includes(window.__expectName);
    if (done) resolve(performance.now());
    else if (performance.now() > until) reject(new Error('not rendered within 60 s'));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

interface Loaded {
  url: string;
  kind: 'code' | 'data' | 'other';
  bytes: number;
  gzip: number;
}

export async function main(argv: string[]): Promise<number> {
  const args = flagsOrExitCode(argv, parseArgs, USAGE);
  if (typeof args === 'number') return args;
  if (!existsSync(join(DEMO_DIR, args.page.replace(/^\//, ''), args.page.endsWith('/') ? 'index.html' : ''))) {
    console.error(`page-load: ${args.page} is not in demo/ (build the examples: npm run examples)`);
    return 1;
  }
  const startedAt = new Date();
  const { machine, db, token, base, browser, close } = await openBrowserBench(log);
  try {
    const name = (await db.selectFrom('customers').select('name').where('id', '=', '17850').executeTakeFirstOrThrow()).name;
    const times: number[] = [];
    let first: Loaded[] = [];
    const errors: string[] = [];
    for (let run = 0; run < args.runs + 1; run++) {
      const context = await browser.newContext({ viewport: { width: args.width, height: 900 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(`window.__expectName = ${JSON.stringify(name)};`);
      const loaded: Loaded[] = [];
      let recording = true;
      page.on('response', (response) => {
        if (!recording) return;
        const url = response.url();
        const type = response.request().resourceType();
        const kind =
          type === 'script' || type === 'stylesheet' || type === 'document'
            ? 'code'
            : type === 'fetch' || type === 'xhr' || type === 'eventsource'
              ? 'data'
              : 'other';
        if (type === 'eventsource') return loaded.push({ url, kind, bytes: 0, gzip: 0 }) && undefined;
        void response.body().then(
          (body) => loaded.push({ url, kind, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }),
          () => undefined,
        );
      });
      // The token in the address, as a host that knows its user's token writes it into the page.
      await page.goto(`${base}${args.page}?token=${encodeURIComponent(token)}#17850`);
      const at = (await page.evaluate(`(${RENDERED})(${JSON.stringify(SECTIONS)})`)) as number;
      // Whatever the page still fetches by itself (no scrolling, no clicks) counts as well.
      await page.waitForTimeout(QUIET_MS);
      recording = false;
      await page.waitForTimeout(100); // bodies of the last responses
      // The first load warms the server (statement cache, page cache); it is not counted.
      if (run > 0) times.push(at);
      if (run === 1) first = loaded;
      await context.close();
    }

    const sum = (kind: Loaded['kind'], key: 'bytes' | 'gzip') => first.filter((l) => l.kind === kind).reduce((s, l) => s + l[key], 0);
    const kb = (n: number) => (n / 1024).toFixed(1);
    const codeGzip = sum('code', 'gzip');
    const time = summarize(
      times,
      times.reduce((s, t) => s + t, 0),
    );
    const within = codeGzip / 1024 <= BUDGET_KB;
    const path = (url: string) => {
      const u = new URL(url);
      if (u.searchParams.has('token')) u.searchParams.set('token', '…');
      return u.pathname + (u.search.length > 60 ? '?…' : decodeURIComponent(u.search));
    };
    const command = `npx tsx bench/page-load.ts ${process.argv.slice(2).join(' ')}`.trim();
    const markdown = [
      `# c360 benchmark: page load of \`<customer-360>\` — ${startedAt.toISOString().slice(0, 10)}`,
      '',
      `- **Run**: ${startedAt.toISOString()}; **Source**: ${machine.revision}`,
      `- **Machine**: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB.toFixed(1)} GiB RAM; Chromium ${browser.version()} headless, viewport ${args.width}×900`,
      `- **Load average** (1/5/15 min): ${machine.loadAtStart} at start, ${loadAverage()} at end (shared machine).`,
      `- **Reproduce**: \`${command}\` (after \`npm run bundle && npm run examples\`)`,
      `- **Method**: the real server as \`c360 demo\` runs it on localhost; page \`${args.page}#17850\`; ${args.runs} cold loads (a new browser context each, after one uncounted warm-up load). ` +
        `The token is in the page address (as a host that knows its user's token writes it in). Responses recorded from navigation until ${QUIET_MS / 1000} s after the view is fully rendered, with no scrolling or clicks ` +
        '(rendered: name in the profile, all 14 sections with content, no loading state anywhere, checked every animation frame); ' +
        'scripts, stylesheets and the HTML gzipped here at level 9 (the demo server sends them uncompressed).',
      `- **Page errors**: ${errors.length ? errors.slice(0, 3).join('; ') : 'none'}`,
      '',
      `## Code loaded before interaction: **${kb(codeGzip)} KB gzip** (${kb(sum('code', 'bytes'))} KB uncompressed) — budget ${BUDGET_KB} KB: **${within ? 'within' : 'over'}**`,
      '',
      '| Response | Kind | Bytes | gzip |',
      '|---|---|---:|---:|',
      ...first
        .sort((a, b) => a.kind.localeCompare(b.kind) || b.gzip - a.gzip)
        .map((l) => `| \`${path(l.url)}\` | ${l.kind} | ${l.bytes.toLocaleString('en-US')} | ${l.gzip.toLocaleString('en-US')} |`),
      `| **Code total** | | ${sum('code', 'bytes').toLocaleString('en-US')} | **${codeGzip.toLocaleString('en-US')}** |`,
      `| API data total (JSON) | | ${sum('data', 'bytes').toLocaleString('en-US')} | ${sum('data', 'gzip').toLocaleString('en-US')} |`,
      '',
      `## Navigation → fully rendered 360 view: p50 **${ms(time.p50)} ms**, p95 ${ms(time.p95)} ms, max ${ms(time.max)} ms (n = ${time.n})`,
      '',
      "From navigation start (the page's `performance.now()` origin) to the first animation frame in which the whole view is rendered: the HTML, the bundle, " +
        "every section's API request and render. The behaviour charts draw (and uPlot, 22.7 KB gzip, loads) when that section comes near the viewport; " +
        "on this page it is below the fold, so neither is in these numbers; the charts' data tables are rendered.",
    ].join('\n');
    console.log(markdown);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const out = join(RESULTS_DIR, `${startedAt.toISOString().slice(0, 10)}-page-load.md`);
    writeFileSync(out, markdown + '\n');
    log(`results written to ${out}`);
    return within && errors.length === 0 ? 0 : 1;
  } finally {
    await close();
  }
}
