/**
 * The read benchmarks: GET /customers/:id/360 in-process, over HTTP and beside its references, then
 * search, timeline and orders first pages beside their raw SQL.
 * @module
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type SQLite from 'better-sqlite3';
import { Hono } from 'hono';
import { Kysely, SqliteDialect } from 'kysely';
import type { Db } from '../../packages/server/src/db/connect.js';
import { createServerApp, listen } from '../../packages/server/src/server.js';
import { loadCustomer360 } from '../../packages/server/src/read/customer-360.js';
import { searchCustomers } from '../../packages/server/src/read/search.js';
import { loadTimeline } from '../../packages/server/src/read/timeline.js';
import { loadOrders } from '../../packages/server/src/read/orders.js';
import { getRfmBreakpoints } from '../../packages/server/src/read/rfm-population.js';
import { raw360, rawOrders, rawSearch, rawTimeline } from './raw-sql.js';
import { measure, ms, type Summary } from './stats.js';
import type { Row } from './report.js';

export interface ReadInputs {
  db: Db;
  /** A read-only connection to the same file for the raw SQL references. */
  conn: SQLite.Database;
  /** Opens another connection (for counting statements; closed by Kysely). */
  openConn: () => SQLite.Database;
  asOf: Date;
  ids: string[];
  warmIds: string[];
  queries: string[];
  warmQueries: string[];
  warmup: number;
}

type Fetcher = { request: (path: string) => Response | Promise<Response> };

/** GETs `path`, reads the body, fails unless 200; returns the body length. */
async function get(app: Fetcher, path: string): Promise<number> {
  const res = await app.request(path);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 200)}`);
  return body.length;
}

async function serve(app: Hono): Promise<{ server: Server; base: string; connections: () => number }> {
  const server = (await listen(app, 0, '127.0.0.1')) as Server;
  let connections = 0;
  server.on('connection', () => connections++);
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** SQL statements each read issues for one call (after a warm call, so caches are hit as in steady state). */
async function countStatements(open: () => SQLite.Database, asOf: Date, id: string, q: string) {
  let n = 0;
  const db = new Kysely({ dialect: new SqliteDialect({ database: open() }), log: () => void n++ }) as unknown as Db;
  const count = async (fn: () => Promise<unknown>) => {
    await fn();
    n = 0;
    await fn();
    return n;
  };
  const result = {
    view360: await count(() => loadCustomer360({ db, asOf }, id)),
    search: await count(() => searchCustomers(db, { q, sort: 'name', limit: 20 })),
    timeline: await count(() => loadTimeline(db, id, { types: undefined, limit: 50 })),
    orders: await count(() => loadOrders(db, id, { limit: 50 })),
  };
  await db.destroy();
  return result;
}

export async function runReads(x: ReadInputs): Promise<{ rows: Row[]; target360: Summary; notes: string[] }> {
  const { db, conn, asOf, ids, warmIds, queries, warmQueries } = x;
  const app = createServerApp({ db, asOf });
  const ping = new Hono().get('/ping', (c) => c.json({ ok: true }));
  const opts = { warmup: x.warmup, warmupInputs: warmIds };
  const qOpts = { warmup: x.warmup, warmupInputs: warmQueries };
  const rows: Row[] = [];
  const notes: string[] = [];
  const stmts = await countStatements(x.openConn, asOf, ids[0]!, queries[0]!);
  const step = (label: string) => process.stderr.write(`bench: ${label}\n`);

  // Cross-check: the raw references return what the API returns, so they are the same queries.
  const r360 = raw360(conn, asOf);
  const rSearch = rawSearch(conn);
  const rTimeline = rawTimeline(conn);
  const rOrders = rawOrders(conn);
  for (let i = 0; i < Math.min(20, ids.length, queries.length); i++) {
    const page = await searchCustomers(db, { q: queries[i]!, sort: 'name', limit: 20 });
    const raw = rSearch(queries[i]!);
    const tl = await loadTimeline(db, ids[i]!, { types: undefined, limit: 50 });
    const or = await loadOrders(db, ids[i]!, { limit: 50 });
    if (raw.total !== page.total || raw.items !== page.items.length || rTimeline(ids[i]!) !== tl.events.length
      || rOrders(ids[i]!) !== or.orders.length) {
      throw new Error(`raw SQL reference disagrees with the read functions for customer ${ids[i]} / query "${queries[i]}"`);
    }
  }

  step('GET /360 (in-process, raw SQL, read function, Hono floor)');
  let bytes = 0;
  const floor = await measure(ids, () => get(ping, '/ping'), opts);
  const sql360 = await measure(ids, r360, opts);
  const direct = await measure(ids, (id) => loadCustomer360({ db, asOf }, id), opts);
  const inProcess = await measure(ids, async (id) => void (bytes += await get(app, `/api/customers/${id}/360`)), opts);
  step('GET /360 over HTTP');
  const api = await serve(app);
  const pingServer = await serve(ping);
  const http = (base: string) => ({ request: (path: string) => fetch(base + path) });
  const httpFloor = await measure(ids, () => get(http(pingServer.base), '/ping'), opts);
  const http360 = await measure(ids, (id) => get(http(api.base), `/api/customers/${id}/360`), opts);
  notes.push(`HTTP: \`fetch\` (undici, keep-alive) to \`listen()\` on 127.0.0.1; ${api.connections()} TCP connection(s) ` +
    `opened to the API server for ${x.warmup + ids.length} requests, ${pingServer.connections()} to the ping server.`);
  await close(api.server);
  await close(pingServer.server);

  step('RFM breakpoints cache miss');
  const misses = Array.from({ length: 20 }, (_, i) => new Date(asOf.getTime() + i + 1));
  const rfmMiss = await measure(misses, (t) => getRfmBreakpoints(db, t), { warmup: 2, warmupInputs: [new Date(asOf.getTime() - 1)] });
  await getRfmBreakpoints(db, asOf); // back to the steady-state cache entry

  rows.push(
    { endpoint: 'GET /customers/:id/360', what: '**(a) `app.request()` on the server app — target**', summary: inProcess, statements: stmts.view360 },
    { endpoint: 'GET /customers/:id/360', what: '(b) HTTP `fetch` on 127.0.0.1, keep-alive', summary: http360 },
    { endpoint: 'GET /customers/:id/360', what: '(c) ref: raw SQL, same statements, better-sqlite3', summary: sql360, statements: 11 },
    { endpoint: 'GET /customers/:id/360', what: 'ref: `loadCustomer360()` direct (Kysely + scoring, no Hono)', summary: direct, statements: stmts.view360 },
    { endpoint: 'GET /customers/:id/360', what: '(d) ref: Hono trivial `/ping`, `app.request()`', summary: floor },
    { endpoint: 'GET /customers/:id/360', what: 'ref: Hono trivial `/ping` over HTTP', summary: httpFloor },
    { endpoint: 'RFM breakpoints', what: '`getRfmBreakpoints()` cache miss (first /360 after any stats change)', summary: rfmMiss, statements: 2 },
  );
  notes.push(`/360 p50 decomposition: raw SQL ${ms(sql360.p50)} ms → read function (Kysely building/compiling 11 queries, ` +
    `awaits, scoring) ${ms(direct.p50)} ms → Hono app (routing, zod param validation, secure headers, JSON) ` +
    `${ms(inProcess.p50)} ms → over HTTP ${ms(http360.p50)} ms. Mean /360 body: ${Math.round(bytes / ids.length)} bytes.`);

  step('GET /customers?q=');
  const search = await measure(queries, (q) => get(app, `/api/customers?q=${encodeURIComponent(q)}`), qOpts);
  const searchSql = await measure(queries, rSearch, qOpts);
  step('GET /customers/:id/timeline');
  const timeline = await measure(ids, (id) => get(app, `/api/customers/${id}/timeline?limit=50`), opts);
  const timelineSql = await measure(ids, rTimeline, opts);
  step('GET /customers/:id/orders');
  const orders = await measure(ids, (id) => get(app, `/api/customers/${id}/orders?limit=50`), opts);
  const ordersSql = await measure(ids, rOrders, opts);
  rows.push(
    { endpoint: 'GET /customers?q=…', what: '`app.request()`, first page (20, sort name)', summary: search, statements: stmts.search },
    { endpoint: 'GET /customers?q=…', what: 'ref: raw SQL, same statements', summary: searchSql, statements: 3 },
    { endpoint: 'GET /customers/:id/timeline', what: '`app.request()`, `?limit=50`', summary: timeline, statements: stmts.timeline },
    { endpoint: 'GET /customers/:id/timeline', what: 'ref: raw SQL, same statements', summary: timelineSql, statements: 2 },
    { endpoint: 'GET /customers/:id/orders', what: '`app.request()`, `?limit=50`', summary: orders, statements: stmts.orders },
    { endpoint: 'GET /customers/:id/orders', what: 'ref: raw SQL, same statements', summary: ordersSql, statements: 2 },
  );
  return { rows, target360: inProcess, notes };
}
