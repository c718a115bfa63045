/**
 * What the browser benchmarks (screen-suite.ts, page-load-suite.ts) start from: the real server as
 * `c360 demo` runs it — a fresh temporary database with the bundled sample and its enrichment, the
 * demo admin token, the demo folder and element bundle at `/` — listening on localhost (so
 * `/demo-config.json` answers), and Debian's headless Chromium (CHROMIUM_PATH to change).
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { chromium, type Browser } from 'playwright-core';
import { openDb, type Db } from '../../packages/server/src/db/connect.js';
import { datasetAsOf, ensureDemoData } from '../../packages/server/src/demo/load-demo.js';
import { ensureDemoToken } from '../../packages/server/src/auth/demo.js';
import { BUNDLE_DIR, createServerApp, DEMO_DIR, listen } from '../../packages/server/src/server.js';
import { close } from './http.js';
import { machineInfo, type MachineInfo } from './machine.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BrowserBench {
  readonly machine: MachineInfo;
  readonly db: Db;
  /** The as-of time of the scores (the dataset's last invoice). */
  readonly asOf: Date;
  /** The demo admin token. */
  readonly token: string;
  /** `http://localhost:PORT`. */
  readonly base: string;
  readonly browser: Browser;
  /** Closes the browser, the server and the database, and removes the database. */
  close(): Promise<void>;
}

/** Builds the bundle when missing, then starts the demo server and Chromium; `log` hears the progress. */
export async function openBrowserBench(log: (line: string) => void): Promise<BrowserBench> {
  if (!existsSync(join(BUNDLE_DIR, 'c360.js'))) execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const probe = new SQLite(':memory:');
  const machine = machineInfo((probe.prepare('select sqlite_version() as v').get() as { v: string }).v);
  probe.close();
  const dir = mkdtempSync(join(tmpdir(), 'c360-browser-bench-'));
  const db = await openDb({ file: join(dir, 'c360.db') });
  log('loading the demo data …');
  await ensureDemoData(db, log);
  const asOf = new Date((await datasetAsOf(db))!);
  const token = (await ensureDemoToken(db)).token;
  const app = createServerApp({ db, asOf, auth: { writeRate: 0 }, demoDir: DEMO_DIR, demoToken: token });
  const server = (await listen(app, 0, '127.0.0.1')) as Server;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  return {
    machine,
    db,
    asOf,
    token,
    browser,
    base: `http://localhost:${(server.address() as AddressInfo).port}`,
    async close() {
      await browser.close();
      await close(server);
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
