/**
 * Shared set-up of the end-to-end browser tests (two live sessions, the host examples under demo/,
 * the embed pages): the real server started in-process exactly as `c360 demo` does it
 * (src/cli/serve-command.ts) on a fresh temporary database, and Debian's headless Chromium through
 * playwright-core.
 *
 * The pages load /embed/assets/c360.js (@c360/components' cdn/ build) and the host examples their demo/<host>/build/ output: they
 * are built by `npm test` before the node tests (scripts/run-tests.mjs); a missing element bundle is
 * built here.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ServerType } from '@hono/node-server';
import { openDb, type Db } from '../../src/db/connect.js';
import { datasetAsOf, ensureDemoData } from '../../src/demo/load-demo.js';
import { ensureDemoToken } from '../../src/auth/demo.js';
import { resolveEmbedSecret } from '../../src/auth/embed-tokens.js';
import { parseWriteRate } from '../../src/auth/rate-limit.js';
import { resolveAsOf } from '../../src/scoring/clock.js';
import { resolveHealthWeights } from '../../src/scoring/health.js';
import { BUNDLE_DIR, createServerApp, DEMO_DIR, listen } from '../../src/server.js';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** First load of a page on a slow 2-core CI machine (bundle, 14 sections, their requests). */
export const LOAD_MS = 45_000;

export interface DemoServer {
  /** `http://localhost:PORT` (localhost, so `/demo-config.json` answers this machine). */
  readonly baseUrl: string;
  readonly db: Db;
  /** The demo admin token. */
  readonly token: string;
  /** The as-of time of the scores (the dataset's latest timestamp). */
  readonly asOf: Date;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** C360_ALLOWED_ORIGINS: hosts allowed to embed c360 (CORS, postMessage origins). */
  allowedOrigins?: string[];
  /** C360_SECRET for embed tokens (default: made on first use and kept in the database). */
  secret?: string;
}

/** Starts `c360 demo` in-process on a free port with a fresh database; `close()` removes it all. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  if (!existsSync(join(BUNDLE_DIR, 'c360.js'))) {
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'c360-e2e-'));
  const db = await openDb({ file: join(dir, 'c360.db') });
  await ensureDemoData(db);
  const recorded = await datasetAsOf(db);
  const asOf = resolveAsOf({ asOf: undefined, env: {}, fallback: recorded ?? undefined });
  const env = { ...process.env, ...(options.secret ? { C360_SECRET: options.secret } : {}) };
  const secret = env.C360_SECRET ? await resolveEmbedSecret(db, env) : undefined;
  const token = (await ensureDemoToken(db)).token;
  const app = createServerApp({
    db,
    asOf,
    healthWeights: resolveHealthWeights({}),
    allowedOrigins: options.allowedOrigins ?? [],
    auth: { secret, writeRate: parseWriteRate(undefined) },
    demoDir: DEMO_DIR,
    demoToken: token,
  });
  const server = await listen(app, 0, '127.0.0.1');
  const baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    db,
    token,
    asOf,
    async close() {
      await closeServer(server);
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Closes the HTTP server, SSE streams included. */
function closeServer(s: ServerType): Promise<void> {
  return new Promise((resolve) => {
    s.close(() => resolve());
    (s as ServerType & { closeAllConnections?: () => void }).closeAllConnections?.();
  });
}

/** Debian's Chromium, headless, with the flags this machine kind needs (TOOLCHAIN.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Collects the page's uncaught errors (and console errors when `console` is set) into `into`. */
export function recordPageErrors(page: Page, into: string[], name = 'page', console = false): void {
  page.on('pageerror', (error) => into.push(`${name}: ${error.message}`));
  if (console)
    page.on('console', (m) => {
      if (m.type() === 'error') into.push(`${name} console: ${m.text()}`);
    });
}
