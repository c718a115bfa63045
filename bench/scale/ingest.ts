/**
 * Ingestion at scale, on a scratch copy of the size's database (engines.ts): `POST /api/events` in
 * batches of 1,000 (the real API app, in-process) and `importEventsFile` — what `c360 import events
 * FILE` runs, chunks of 1,000 events per transaction — each beside its raw SQL: the statements the
 * same work issued, captured on the raw reference's logging connection for a twin pass of the same
 * events under other ids, then replayed with those ids swapped for a third set, transaction control
 * included, as prepared statements on one connection. Each pass writes the same rows under its own
 * ids, so all three do the same work (lookups, inserts, aggregate updates) against the same data.
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../../packages/server/src/api/app.js';
import { createApiKey } from '../../packages/server/src/auth/api-keys.js';
import { importEventsFile } from '../../packages/server/src/ingest/events-file.js';
import type { Db } from '../../packages/server/src/db/connect.js';
import { ingestBatches, type EventPools } from '../lib/events.js';
import { summarise, type RawSql, type Statement, type Summary } from './measure.js';
import type { ScaleTarget } from './engines.js';

/** Events per `POST /api/events` batch and per `importEventsFile` transaction. */
export const INGEST_BATCH = 1000;

/** One ingestion measure: per batch (or per file) milliseconds and events/s, with its raw replay. */
export interface IngestRow {
  name: string;
  what: string;
  events: number;
  summary: Summary;
  eventsPerSecond: number;
  raw: Summary;
  rawEventsPerSecond: number;
}

const log = (line: string) => process.stderr.write(`bench scale: ${line}\n`);

/** What the workload draws from, read through Kysely (any engine): customers, merchandise, email campaigns. */
async function pools(db: Db): Promise<EventPools> {
  const customers = await db.selectFrom('customers').select(['id', 'currency']).orderBy('id').execute();
  const products = (await db.selectFrom('products').select(['id', 'name']).orderBy('id').execute()).filter((p) => /\d{3}/.test(p.id));
  const campaigns = (await db.selectFrom('campaigns').select('id').where('channel', '=', 'email').orderBy('id').execute()).map((r) => r.id);
  if (!customers.length || !products.length) throw new Error('ingestion: the database has no customers or products');
  return { customers: customers.map((c) => ({ id: c.id, currency: c.currency ?? 'GBP' })), products, campaigns };
}

/** `statements` with every occurrence of `from` in a text parameter replaced by `to` (the ids of another pass). */
function renamed(statements: readonly Statement[], from: string, to: string): Statement[] {
  return statements.map((s) => ({ sql: s.sql, params: s.params.map((p) => (typeof p === 'string' ? p.split(from).join(to) : p)) }));
}

const rate = (events: number, ms: number) => (events * 1000) / Math.max(ms, 0.001);

/** Measures both ingestion paths on `scratch` (already a copy); `events` per path. */
export async function measureIngestion(scratch: ScaleTarget, asOf: Date, events: number): Promise<IngestRow[]> {
  const db = await scratch.open();
  const ref: RawSql = scratch.rawReference(true);
  const dir = mkdtempSync(join(tmpdir(), 'c360-scale-ingest-'));
  try {
    const { token } = await createApiKey(db, { name: `bench-scale-ingest-${Date.now()}`, role: 'admin', createdBy: 'bench' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const app = createApiApp({ db, asOf, auth: { writeRate: 0 } });
    const captureApp = createApiApp({ db: ref.capture, asOf, auth: { writeRate: 0 } });
    const post = async (target: typeof app, body: string) => {
      const res = await target.request('http://localhost/events', { method: 'POST', headers, body });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`POST /events: ${res.status} ${text.slice(0, 300)}`);
    };
    const from = await pools(db);
    const set = (prefix: string) =>
      ingestBatches(from, { events, batch: INGEST_BATCH, seed: 1, asOf, prefix }).batches.map((b) => JSON.stringify(b));
    const [warmApi, warmCap] = [set('ingwrm')[0]!, set('ingwcp')[0]!];
    await post(app, warmApi);
    await post(captureApp, warmCap);

    log(`POST /api/events: ${events} events in batches of ${INGEST_BATCH} …`);
    const [api, cap] = [set('ingapi'), set('ingcap')];
    const apiMs: number[] = [];
    const rawMs: number[] = [];
    for (let i = 0; i < api.length; i++) {
      const statements = await ref.statementsOf(() => post(captureApp, cap[i]!), true);
      const replay = renamed(statements, 'ingcap', 'ingraw');
      let t = performance.now();
      await post(app, api[i]!);
      apiMs.push(performance.now() - t);
      t = performance.now();
      await ref.replay(replay);
      rawMs.push(performance.now() - t);
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const rows: IngestRow[] = [
      {
        name: 'POST /api/events',
        what: `batches of ${INGEST_BATCH} mixed events (orders, payments, email opens, sessions, tickets); ms per batch`,
        events,
        summary: summarise(apiMs),
        eventsPerSecond: rate(events, sum(apiMs)),
        raw: summarise(rawMs),
        rawEventsPerSecond: rate(events, sum(rawMs)),
      },
    ];

    log(`c360 import events (importEventsFile): ${events} events …`);
    const file = (prefix: string) => {
      const path = join(dir, `${prefix}.ndjson`);
      writeFileSync(
        path,
        set(prefix)
          .map((b) => (JSON.parse(b) as unknown[]).map((e) => JSON.stringify(e)).join('\n'))
          .join('\n') + '\n',
      );
      return path;
    };
    const [fileApi, fileCap] = [file('filapi'), file('filcap')];
    const statements = await ref.statementsOf((c) => importEventsFile(c, fileCap, { asOf }), true);
    const replay = renamed(statements, 'filcap', 'filraw');
    let t = performance.now();
    await importEventsFile(db, fileApi, { asOf });
    const fileMs = performance.now() - t;
    t = performance.now();
    await ref.replay(replay);
    const fileRawMs = performance.now() - t;
    rows.push({
      name: 'c360 import events',
      what: `\`importEventsFile\` of an NDJSON file of the same mix, ${INGEST_BATCH} events per transaction; ms for the file`,
      events,
      summary: summarise([fileMs]),
      eventsPerSecond: rate(events, fileMs),
      raw: summarise([fileRawMs]),
      rawEventsPerSecond: rate(events, fileRawMs),
    });
    for (const r of rows) log(`${r.name}: ${Math.round(r.eventsPerSecond)} events/s (raw ${Math.round(r.rawEventsPerSecond)} events/s)`);
    return rows;
  } finally {
    await ref.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
