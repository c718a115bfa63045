/**
 * Ingestion throughput: `POST /api/events` batches via `app.request()` (JSON parse, zod validation,
 * applyEvents), beside (a) `applyEvents()` called directly on pre-validated events and (b) the raw
 * better-sqlite3 insert floor (raw-ingest.ts); then the HTTP batches again, all duplicates. Runs
 * last: it writes to the database.
 * @module
 */
import SQLite from 'better-sqlite3';
import { IngestEvent, type IngestEventInput, type IngestResult } from '@c360/sdk';
import type { Db } from '../../packages/server/src/db/connect.js';
import { applyEvents } from '../../packages/server/src/ingest/apply-events.js';
import { benchApp } from './auth.js';
import { eventPools, ingestBatches, type EventPools, type MixType } from './events.js';
import { post } from './http.js';
import { rawInserter, rawRows } from './raw-ingest.js';
import { measure, type Summary } from './stats.js';

export interface IngestInputs {
  db: Db;
  file: string;
  /** Read-only connection (workload pools, cross-checks). */
  conn: SQLite.Database;
  asOf: Date;
  events: number;
  batch: number;
  seed: number;
}

/** One ingestion series: per-batch latency and events per second. */
export interface IngestRow {
  what: string;
  events: number;
  /** Per-batch latency distribution (ms); throughput = batches/s. */
  summary: Summary;
  eventsPerSecond: number;
  target?: boolean;
}

export interface IngestResults {
  rows: IngestRow[];
  mix: Record<MixType, number>;
  notes: string[];
}

const rate = (events: number, s: Summary) => (events * s.throughput) / s.n;

function countLike(conn: SQLite.Database, table: string, prefix: string): number {
  return (conn.prepare(`select count(*) as n from "${table}" where id like ?`).get(`${prefix}-%`) as { n: number }).n;
}

export async function runIngest(x: IngestInputs): Promise<IngestResults> {
  const step = (label: string) => process.stderr.write(`bench: ${label}\n`);
  const pools: EventPools = eventPools(x.conn);
  const gen = (prefix: string, events = x.events) => ingestBatches(pools, { events, batch: x.batch, seed: x.seed, asOf: x.asOf, prefix });
  const validate = (batches: IngestEventInput[][]) => batches.map((b) => b.map((e) => IngestEvent.parse(e)));
  const sets = {
    http: gen('bench-http'),
    direct: gen('bench-direct'),
    raw: gen('bench-raw'),
    warmHttp: gen('bench-warm-http', x.batch),
    warmDirect: gen('bench-warm-direct', x.batch),
    warmRaw: gen('bench-warm-raw', x.batch),
  };
  const bodies = sets.http.batches.map((b) => JSON.stringify(b));
  const warmBody = JSON.stringify(sets.warmHttp.batches[0]);
  const total = { applied: 0, duplicates: 0 };
  const app = benchApp(x.db, x.asOf);
  const send = async (body: string) => {
    const r = await post<IngestResult>(app, '/api/events', body, 200);
    total.applied += r.applied;
    total.duplicates += r.duplicates;
  };
  const rows: IngestRow[] = [];
  const notes: string[] = [];
  const n = x.events;

  step(`POST /api/events: ${n} events in batches of ${x.batch}`);
  const http = await measure(bodies, send, { warmup: 1, warmupInputs: [warmBody] });
  if (total.applied !== n + x.batch) throw new Error(`POST /api/events applied ${total.applied} of ${n + x.batch} events`);
  rows.push({
    what: '**`POST /api/events` via `app.request()`** (JSON parse, zod validation, applyEvents, JSON reply)',
    events: n,
    summary: http,
    eventsPerSecond: rate(n, http),
    target: true,
  });

  step('applyEvents() direct');
  const directBatches = validate(sets.direct.batches);
  let applied = 0;
  const direct = await measure(directBatches, async (b) => void (applied += (await applyEvents(x.db, b)).applied), {
    warmup: 1,
    warmupInputs: validate(sets.warmDirect.batches),
  });
  if (applied !== n + x.batch) throw new Error(`applyEvents applied ${applied} of ${n + x.batch} events (warm-up batch included)`);
  rows.push({
    what: '(a) ref: `applyEvents()` direct — pre-validated events, no HTTP/JSON/zod',
    events: n,
    summary: direct,
    eventsPerSecond: rate(n, direct),
  });

  step('raw insert floor');
  const receivedAt = new Date().toISOString();
  const rawBatches = validate(sets.raw.batches).map((b) => rawRows(b, receivedAt));
  const warmRaw = validate(sets.warmRaw.batches).map((b) => rawRows(b, receivedAt));
  const writer = new SQLite(x.file);
  writer.pragma('synchronous = NORMAL');
  writer.pragma('foreign_keys = ON');
  writer.pragma('busy_timeout = 5000');
  let rawRowCount = 0;
  const insert = rawInserter(writer);
  const floor = await measure(rawBatches, (b) => void (rawRowCount += insert(b)), { warmup: 1, warmupInputs: warmRaw });
  writer.close();
  rows.push({
    what: '(b) ref: raw better-sqlite3 inserts of the same rows, one transaction per batch — the floor',
    events: n,
    summary: floor,
    eventsPerSecond: rate(n, floor),
  });

  step('POST /api/events again: all duplicates');
  total.duplicates = 0;
  const replay = await measure(bodies, send, { warmup: 1, warmupInputs: [warmBody] });
  if (total.duplicates !== n + x.batch) throw new Error(`replay: ${total.duplicates} of ${n + x.batch} events were duplicates`);
  rows.push({
    what: 'replay of the same `POST /api/events` batches — every event a duplicate',
    events: n,
    summary: replay,
    eventsPerSecond: rate(n, replay),
  });

  const orders = sets.http.byType['order.placed'];
  for (const prefix of ['bench-http', 'bench-direct', 'bench-raw']) {
    if (countLike(x.conn, 'orders', prefix) !== orders) throw new Error(`ingestion cross-check: ${prefix} orders missing`);
  }
  const lines = sets.http.batches.flat().reduce((s, e) => s + (e.type === 'order.placed' ? e.data.lines.length : 0), 0);
  notes.push(
    `Ingestion workload (seed ${x.seed}, identical in every pass but for the ids): ` +
      Object.entries(sets.http.byType)
        .map(([t, k]) => `${k} ${t}`)
        .join(', ') +
      ` (${lines} order lines, 3–10 per order); random existing customers, times in the 30 days before as-of. ` +
      `Mean JSON body ${Math.round(bodies.reduce((s, b) => s + b.length, 0) / bodies.length / 1024)} KiB per batch; ` +
      `raw floor: ${Math.round((rawRowCount / n) * 10) / 10} rows per event. Each pass starts after one warm-up batch of its own ` +
      'and adds its rows to the database, so later passes write into slightly larger tables.',
  );
  notes.push(
    'The raw floor inserts only what the events add (idempotency key, record, order lines / ticket event, timeline ' +
      'row); the server also looks up the customer and the record owner per event, upserts catalogue and campaign rows, ' +
      "recomputes product sales statistics per order, and per batch recomputes `customer_stats` and the touched customers' " +
      'rule-segment memberships (with timeline entries).',
  );
  return { rows, mix: sets.http.byType, notes };
}
