/**
 * The 360 view's sections (`--enrich`): GET /customers/:id/loyalty, /marketing, /support, /payments,
 * /analytics, /notes for the sampled customers, GET /customers/compare for triples of them and
 * GET /segments, each beside the same statements as raw SQL (paired.ts).
 * @module
 */
import type SQLite from 'better-sqlite3';
import type { Db } from '../../packages/server/src/db/connect.js';
import { benchApp } from './auth.js';
import { paired, type Pair } from './paired.js';
import { Recorder, replayer } from './replay.js';
import type { Row } from './report.js';
import { ms } from './stats.js';

export interface SectionInputs {
  db: Db;
  file: string;
  conn: SQLite.Database;
  asOf: Date;
  ids: string[];
  warmIds: string[];
  warmup: number;
}

export interface SectionResults {
  rows: Row[];
  notes: string[];
  statements: Pair['distinct'][];
  /** The paired series by endpoint, for the search-filter step and the notes. */
  pairs: Pair[];
}

const SECTIONS = ['loyalty', 'marketing', 'support', 'payments', 'analytics', 'notes'] as const;

/** What the read function computes in JavaScript after its SQL (not part of the raw reference). */
const JS_WORK: Record<(typeof SECTIONS)[number], string> = {
  loyalty: 'tier progress and the points-expiry ledger walk over every points transaction',
  marketing: 'rates and mapping',
  support: 'resolution hours, CSAT mean and NPS',
  payments: 'totals and expiry flags',
  analytics: 'the weekday × hour heat map, the month-by-month CLV trend and the device breakdown',
  notes: 'mapping',
};

/** Triples of distinct sampled ids for /customers/compare (cycled). */
export function triples(ids: readonly string[]): string[][] {
  const distinct = [...new Set(ids)];
  if (distinct.length < 3) throw new Error('compare needs at least 3 distinct sampled customers');
  return ids.map((_, i) => [0, 1, 2].map((k) => distinct[(i + k) % distinct.length]!));
}

/** Share of `ids` with at least one row in `table` (by `column`). */
function coverage(conn: SQLite.Database, table: string, ids: readonly string[], column = 'customer_id'): string {
  const has = conn.prepare(`select exists (select 1 from "${table}" where "${column}" = ?) as x`);
  const n = ids.filter((id) => (has.get(id) as { x: number }).x === 1).length;
  return `${Math.round((n / ids.length) * 100)} %`;
}

export async function runSections(x: SectionInputs): Promise<SectionResults> {
  const app = benchApp(x.db, x.asOf);
  const recorder = new Recorder(x.file, x.asOf);
  const ctx = { app, recorder, replay: replayer(x.conn), warmup: x.warmup };
  const enc = encodeURIComponent;
  const pairs: Pair[] = [];
  try {
    for (const section of SECTIONS) {
      const path = (id: string) => `/api/customers/${enc(id)}/${section}`;
      pairs.push(
        await paired(ctx, `GET /customers/:id/${section}`, x.ids.map(path), x.warmIds.map(path), {
          api: '`app.request()`',
          sql: `ref: raw SQL — the same statements (not ${JS_WORK[section]})`,
        }),
      );
    }
    const compare = (t: string[]) => `/api/customers/compare?ids=${t.map(enc).join(',')}`;
    pairs.push(
      await paired(ctx, 'GET /customers/compare?ids=a,b,c', triples(x.ids).map(compare), triples(x.warmIds).map(compare), {
        api: '`app.request()`, 3 customers',
        sql: 'ref: raw SQL — the same statements (not the 3 × 360 scoring, differences)',
      }),
    );
    const segments = Array.from({ length: x.ids.length }, () => '/api/segments');
    pairs.push(
      await paired(ctx, 'GET /segments', segments, segments.slice(0, Math.max(1, x.warmup)), {
        api: '`app.request()`, every segment with its member count',
        sql: 'ref: raw SQL — the same statements (RFM counts: one scan of `customer_stats`)',
      }),
    );
  } finally {
    await recorder.close();
  }

  const notes = [
    'Section rows: the raw SQL reference is the statements only; what each read function then computes in JavaScript ' +
      `is in the gap — loyalty: ${JS_WORK.loyalty}; analytics: ${JS_WORK.analytics}; support: ${JS_WORK.support}; ` +
      'compare: the 360 scoring of each customer and the differences. GET /marketing and /compare also run the ' +
      'segment-context check (2 `meta` reads) of the route middleware / `compareCustomers`.',
    `Sampled customers with section data: loyalty account ${coverage(x.conn, 'loyalty_accounts', x.ids)}, ` +
      `marketing events ${coverage(x.conn, 'marketing_events', x.ids)}, tickets ${coverage(x.conn, 'tickets', x.ids)}, ` +
      `payments ${coverage(x.conn, 'payments', x.ids)}, sessions ${coverage(x.conn, 'sessions', x.ids)}, ` +
      `notes ${coverage(x.conn, 'notes', x.ids)} (bench fixtures), tags ${coverage(x.conn, 'tag_assignments', x.ids)}.`,
    'Section p50, `app.request()` vs raw SQL: ' +
      pairs
        .map((p) => `${p.rows[0]!.endpoint.replace('GET /customers/', '').replace('GET ', '')} ${ms(p.api.p50)} / ${ms(p.sql.p50)} ms`)
        .join(', ') +
      '.',
  ];
  return { rows: pairs.flatMap((p) => p.rows), notes, statements: pairs.map((p) => p.distinct), pairs };
}
