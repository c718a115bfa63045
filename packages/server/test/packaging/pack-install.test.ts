/**
 * The three packages as a user gets them (issue 11): `npm pack` of @c360/sdk, @c360/components and
 * @c360/server (each runs its `prepack` build, scripts/prepack.mjs), one `npm install` of the
 * tarballs into a scratch project in a temporary folder outside the workspace (from the npm
 * registry for their dependencies; better-sqlite3 compiles, about a minute), then, from there:
 *
 * (a) `npx c360 --version`, `npx c360 import online-retail <the sample shipped in @c360/server>`,
 *     `npx c360 token create`, and `npx c360 serve` on a free port answering /healthz, /readyz,
 *     /api/customers and /embed/assets/c360.js (the installed @c360/components' cdn/ build);
 * (b) a host page that loads the installed `@c360/components/cdn/c360.js` from its own origin and
 *     shows `<customer-360>` in Chromium against that server (CORS from C360_ALLOWED_ORIGINS).
 *
 * Nothing of the workspace is reachable from the scratch project: it resolves only what it installed.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, LOAD_MS, recordPageErrors } from '../e2e/harness.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const PACKAGES = ['sdk', 'components', 'server'] as const;
const VERSION = '0.2.0';
const CUSTOMER = '17850';

/** The environment of the child processes: this one's, without npm's script variables or source conditions. */
const ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^npm_/i.test(key) && key !== 'NODE_OPTIONS' && !key.startsWith('C360_') && key !== 'DATABASE_URL' && key !== 'PORT',
  ),
);

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

/** The report of `npm pack --json` (stdout; the prepack build writes to stderr). */
const packReport = (stdout: string): PackResult => (JSON.parse(stdout.slice(stdout.indexOf('['))) as PackResult[])[0]!;

const dir = mkdtempSync(join(tmpdir(), 'c360-pack-'));
const app = join(dir, 'app');
const db = join(dir, 'c360.db');
const packed: Record<string, PackResult> = {};
const dryRun: Record<string, string[]> = {};
let serve: ChildProcess | undefined;
let serveOutput = '';
let base = '';
let token = '';
let host: Server | undefined;
let hostOrigin = '';

/** `npx c360 …` in the scratch project. */
const c360 = (...args: string[]) => run('npx', ['--no-install', 'c360', ...args], { cwd: app, env: ENV, maxBuffer: 16 * 1024 * 1024 });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

/** Polls `url` until it answers 200 or `ms` pass. */
async function until200(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > end) throw new Error(`${url} did not answer 200 in ${ms} ms; c360 serve said:\n${serveOutput}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  for (const name of PACKAGES) {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '-w', `packages/${name}`], {
      cwd: ROOT,
      env: ENV,
      maxBuffer: 64 * 1024 * 1024,
    });
    dryRun[name] = packReport(stdout).files.map((f) => f.path);
  }
  for (const name of PACKAGES) {
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir, '-w', `packages/${name}`], {
      cwd: ROOT,
      env: ENV,
      maxBuffer: 64 * 1024 * 1024,
    });
    packed[name] = packReport(stdout);
  }
  const dependencies = Object.fromEntries(PACKAGES.map((name) => [`@c360/${name}`, `file:../${packed[name]!.filename}`]));
  // A project of its own, allowing better-sqlite3's native build (npm 11 asks about install scripts).
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      {
        name: 'c360-scratch',
        private: true,
        type: 'module',
        dependencies,
        allowScripts: { 'better-sqlite3': true },
      },
      null,
      2,
    ),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, env: ENV, maxBuffer: 64 * 1024 * 1024 });
}, 1_500_000); // on a busy 2-core machine the install alone has taken 10 minutes

afterAll(async () => {
  host?.close();
  if (serve && serve.exitCode === null) {
    serve.kill('SIGTERM');
    await new Promise((resolve) => serve!.once('exit', resolve));
  }
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('npm pack', () => {
  it.each(PACKAGES)('@c360/%s lists dist/ with types and source maps, README and LICENSE (--dry-run and the tarball alike)', (name) => {
    // Each list on its own: others may add or remove modules between the two packs in a shared tree.
    for (const files of [dryRun[name]!, packed[name]!.files.map((f) => f.path)]) {
      expect(files).toEqual(
        expect.arrayContaining([
          'package.json',
          'README.md',
          'LICENSE',
          'dist/index.js',
          'dist/index.d.ts',
          'dist/index.js.map',
          'dist/index.d.ts.map',
        ]),
      );
      expect(files.filter((f) => /\.test\.|test-support/.test(f))).toEqual([]);
      // Every compiled module has its declarations and source map.
      const js = files.filter((f) => /^dist\/.+\.js$/.test(f));
      expect(js.length).toBeGreaterThan(5);
      expect(js.filter((f) => !files.includes(`${f}.map`) || !files.includes(f.replace(/\.js$/, '.d.ts')))).toEqual([]);
    }
    expect(packed[name]!.filename).toBe(`c360-${name}-${VERSION}.tgz`);
  });

  it('@c360/components ships the CDN build, the manifest and the React/Vue types', () => {
    const files = packed.components!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining(['cdn/c360.js', 'cdn/c360.js.map', 'custom-elements.json', 'types/react.d.ts', 'types/vue.d.ts']),
    );
    expect(files.some((f) => /^cdn\/c360-uPlot\.esm-[A-Z0-9]{8}\.js$/.test(f))).toBe(true);
  });

  it('@c360/server ships its bin and the bundled sample', () => {
    const files = packed.server!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining(['bin/c360.mjs', 'dist/cli/main.js', 'sample/online_retail_sample.csv', 'sample/SOURCE.md']),
    );
  });

  it('the installed packages depend on each other with ^0.2.0 ranges', () => {
    const pkg = (name: string) => JSON.parse(readFileSync(join(app, 'node_modules', '@c360', name, 'package.json'), 'utf8'));
    expect(pkg('components').dependencies['@c360/sdk']).toBe(`^${VERSION}`);
    expect(pkg('server').dependencies).toMatchObject({ '@c360/sdk': `^${VERSION}`, '@c360/components': `^${VERSION}` });
    for (const name of PACKAGES) expect(pkg(name)).toMatchObject({ version: VERSION, license: 'MIT' });
  });
});

describe('the installed c360 command (a)', () => {
  it('c360 --version prints the package version', async () => {
    const { stdout } = await c360('--version');
    expect(stdout.trim()).toBe(VERSION);
  }, 60_000);

  it('c360 import online-retail reads the sample shipped in @c360/server', async () => {
    const sample = join(app, 'node_modules', '@c360', 'server', 'sample', 'online_retail_sample.csv');
    const { stdout, stderr } = await c360('import', 'online-retail', sample, '--db', db);
    expect(`${stdout}${stderr}`).toMatch(/customers/i);
    token = (await c360('token', 'create', '--role', 'viewer', '--name', 'Pack test', '--db', db)).stdout.trim();
    expect(token).toMatch(/^c360_/);
  }, 240_000);

  it('c360 serve answers the health checks, the API and the element bundle', async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    host = createServer((req, res) => {
      // The host page, and the installed CDN build at /cdn/ as a static CDN would serve it.
      const url = new URL(req.url ?? '/', 'http://host');
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
          `<!doctype html><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
<script>window.c360Config = { apiBase: '${base}/api', token: '${token}' };</script>
<script type="module" src="/cdn/c360.js"></script>
<customer-360 customer-id="${CUSTOMER}"></customer-360>`,
        );
        return;
      }
      const file = join(app, 'node_modules', '@c360', 'components', url.pathname.replace(/^\/cdn\//, 'cdn/'));
      let body: Buffer;
      try {
        body = readFileSync(file);
      } catch {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((resolve) => host!.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;

    // The installed bin itself (not through npx, whose child would outlive a kill).
    serve = spawn(
      join(app, 'node_modules', '.bin', 'c360'),
      ['serve', '--db', db, '--port', String(port), '--host', '127.0.0.1', '--as-of', 'dataset'],
      {
        cwd: app,
        env: { ...ENV, C360_ALLOWED_ORIGINS: hostOrigin },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    serve.stdout!.on('data', (d) => {
      serveOutput += d;
    });
    serve.stderr!.on('data', (d) => {
      serveOutput += d;
    });
    await until200(`${base}/healthz`, 60_000);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const customers = await fetch(`${base}/api/customers?limit=5`, { headers: { authorization: `Bearer ${token}` } });
    expect(customers.status).toBe(200);
    const page = (await customers.json()) as { items: unknown[]; total: number };
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(100);

    const bundle = await fetch(`${base}/embed/assets/c360.js`);
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).toBe(readFileSync(join(app, 'node_modules', '@c360', 'components', 'cdn', 'c360.js'), 'utf8'));
  }, 120_000);
});

describe('the installed elements (b)', () => {
  it('<customer-360> from @c360/components/cdn/c360.js shows the customer in Chromium', async () => {
    expect(hostOrigin, 'the host of (a) is up').toBeTruthy();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      recordPageErrors(page, errors, 'host', true);
      const api: string[] = [];
      page.on('response', (r) => {
        if (r.url().startsWith(`${base}/api/`)) api.push(`${r.status()} ${new URL(r.url()).pathname}`);
        if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${hostOrigin}/`);
      await page.locator('customer-360 customer-metrics [part~=base]').first().waitFor({ timeout: LOAD_MS });
      await page.locator('customer-360').getByText(CUSTOMER).first().waitFor({ timeout: LOAD_MS });
      expect(api).toContain(`200 /api/customers/${CUSTOMER}/360`);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
