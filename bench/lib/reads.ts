/**
 * The read benchmarks: GET /customers/:id/360 in-process, over HTTP and beside its references, then
 * search, timeline and orders first pages beside their raw SQL (see replay.ts).
 * @module
 */
import type SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import type { Db } from '../../packages/server/src/db/connect.js';
import { loadCustomer360 } from '../../packages/server/src/read/customer-360.js';
import { getRfmBreakpoints } from '../../packages/server/src/read/rfm-population.js';
import { authHeaders, benchApp } from './auth.js';
import { close, get, serve } from './http.js';
import { distinctStatements, Recorder, replayer, statementsPerCall, type Statement } from './replay.js';
import { measure, ms, type Summary } from './stats.js';
import type { Row } from './report.js';

export interface ReadInputs {
  db: Db;
  /** Database file (the recorder opens its own connection). */
  file: string;
  /** A read-only connection to the same file for the raw SQL references. */
  conn: SQLite.Database;
  asOf: Date;
  ids: string[];
  warmIds: string[];
  queries: string[];
  warmQueries: string[];
  warmup: number;
}

export interface ReadResults {
  rows: Row[];
  target360: Summary;
  notes: string[];
  /** Distinct SQL of each endpoint, for the appendix. */
  statements: Array<{ endpoint: string; distinct: Array<{ sql: string; calls: number }> }>;
}

const paths = {
  view360: (id: string) => `/api/customers/${encodeURIComponent(id)}/360`,
  search: (q: string) => `/api/customers?q=${encodeURIComponent(q)}`,
  timeline: (id: string) => `/api/customers/${encodeURIComponent(id)}/timeline?limit=50`,
  orders: (id: string) => `/api/customers/${encodeURIComponent(id)}/orders?limit=50`,
};
type Endpoint = keyof typeof paths;
const LABEL: Record<Endpoint, string> = {
  view360: 'GET /customers/:id/360',
  search: 'GET /customers?q=…',
  timeline: 'GET /customers/:id/timeline',
  orders: 'GET /customers/:id/orders',
};

export async function runReads(x: ReadInputs): Promise<ReadResults> {
  const { db, conn, asOf, ids, warmIds, queries, warmQueries } = x;
  const app = benchApp(db, asOf);
  const ping = new Hono().get('/ping', (c) => c.json({ ok: true }));
  const rows: Row[] = [];
  const notes: string[] = [];
  const step = (label: string) => process.stderr.write(`bench: ${label}\n`);

  // The very first request after the import pays the lazy work (RFM breakpoints, segment context).
  const cold = performance.now();
  await get(app, paths.view360(ids[0]!));
  notes.push(
    `First GET /360 after the import (lazy caches, segment context, cold JIT): ${ms(performance.now() - cold)} ms; ` +
      'every series below starts after its warm-up.',
  );

  step('recording the statements of every request');
  const recorder = new Recorder(x.file, asOf);
  const inputsOf = (e: Endpoint) => (e === 'search' ? { main: queries, warm: warmQueries } : { main: ids, warm: warmIds });
  const recorded = {} as Record<Endpoint, { main: Statement[][]; warm: Statement[][] }>;
  for (const e of Object.keys(paths) as Endpoint[]) {
    const { main, warm } = inputsOf(e);
    recorded[e] = { main: await recorder.recordAll(main.map(paths[e])), warm: await recorder.recordAll(warm.map(paths[e])) };
  }
  await recorder.close();
  const replay = replayer(conn);
  const raw = (e: Endpoint) => measure(recorded[e].main, replay.run, { warmup: x.warmup, warmupInputs: recorded[e].warm });
  const api = (e: Endpoint) => {
    const { main, warm } = inputsOf(e);
    return measure(main, (input) => get(app, paths[e](input)), { warmup: x.warmup, warmupInputs: warm });
  };
  const perCall = (e: Endpoint) => statementsPerCall(recorded[e].main);
  const opts = { warmup: x.warmup, warmupInputs: warmIds };

  step('GET /360 (in-process, raw SQL, read function, Hono floor)');
  let bytes = 0;
  const floor = await measure(ids, () => get(ping, '/ping'), opts);
  const sql360 = await raw('view360');
  const direct = await measure(ids, (id) => loadCustomer360({ db, asOf }, id), opts);
  const inProcess = await measure(ids, async (id) => void (bytes += await get(app, paths.view360(id))), opts);
  step('GET /360 over HTTP');
  const apiServer = await serve(app);
  const pingServer = await serve(ping);
  const http = (base: string) => ({ request: (path: string) => fetch(base + path, { headers: authHeaders() }) });
  const httpFloor = await measure(ids, () => get(http(pingServer.base), '/ping'), opts);
  const http360 = await measure(ids, (id) => get(http(apiServer.base), paths.view360(id)), opts);
  notes.push(
    `HTTP: \`fetch\` (undici, keep-alive) to \`listen()\` on 127.0.0.1; ${apiServer.connections()} TCP connection(s) ` +
      `opened to the API server for ${x.warmup + ids.length} requests, ${pingServer.connections()} to the ping server.`,
  );
  await close(apiServer.server);
  await close(pingServer.server);

  step('RFM breakpoints cache miss');
  const misses = Array.from({ length: 20 }, (_, i) => new Date(asOf.getTime() + i + 1));
  const rfmMiss = await measure(misses, (t) => getRfmBreakpoints(db, t), { warmup: 2, warmupInputs: [new Date(asOf.getTime() - 1)] });
  await getRfmBreakpoints(db, asOf); // back to the steady-state cache entry

  const e360 = LABEL.view360;
  rows.push(
    { endpoint: e360, what: '**(a) `app.request()` on the server app — target**', summary: inProcess, statements: perCall('view360') },
    { endpoint: e360, what: '(b) HTTP `fetch` on 127.0.0.1, keep-alive', summary: http360 },
    {
      endpoint: e360,
      what: '(c) ref: raw SQL — the same statements, better-sqlite3 prepared',
      summary: sql360,
      statements: perCall('view360'),
    },
    { endpoint: e360, what: 'ref: `loadCustomer360()` direct (Kysely + scoring, no Hono, no middleware)', summary: direct },
    { endpoint: e360, what: '(d) ref: Hono trivial `/ping`, `app.request()`', summary: floor },
    { endpoint: e360, what: 'ref: Hono trivial `/ping` over HTTP', summary: httpFloor },
    { endpoint: 'RFM breakpoints', what: '`getRfmBreakpoints()` cache miss (first /360 after any stats change)', summary: rfmMiss },
  );
  notes.push(
    `/360 p50 decomposition: raw SQL ${ms(sql360.p50)} ms → read function (Kysely building and preparing each ` +
      `statement, awaits, scoring) ${ms(direct.p50)} ms → Hono app (middleware incl. segment-context check, routing, zod ` +
      `validation, secure headers, JSON) ${ms(inProcess.p50)} ms → over HTTP ${ms(http360.p50)} ms. ` +
      `Mean /360 body: ${Math.round(bytes / ids.length)} bytes.`,
  );

  for (const e of ['search', 'timeline', 'orders'] as const) {
    step(LABEL[e]);
    const what = e === 'search' ? '`app.request()`, first page (20, sort name)' : '`app.request()`, `?limit=50`';
    rows.push(
      { endpoint: LABEL[e], what, summary: await api(e), statements: perCall(e) },
      { endpoint: LABEL[e], what: 'ref: raw SQL — the same statements', summary: await raw(e), statements: perCall(e) },
    );
  }
  if (replay.skippedWrites() > 0) {
    notes.push(`**${replay.skippedWrites()} write statements were recorded during GET requests** and skipped in the raw replay.`);
  }
  const statements = (Object.keys(paths) as Endpoint[]).map((e) => ({
    endpoint: LABEL[e],
    distinct: distinctStatements(recorded[e].main),
  }));
  return { rows, target360: inProcess, notes, statements };
}
