/**
 * GET /customers with filters — `tag`, `segment=rfm:champions`, `clvMin` sorted by lifetime value —
 * and free-text search through the FTS5 trigram index (queries of ≥ 3 characters) against the
 * `LIKE` scan it falls back to (1–2 characters), each beside the same statements as raw SQL.
 * @module
 */
import type SQLite from 'better-sqlite3';
import type { Db } from '../../packages/server/src/db/connect.js';
import { benchApp } from './auth.js';
import { FIXTURE_TAGS } from './fixtures.js';
import { getJson } from './http.js';
import { paired, type Pair } from './paired.js';
import { Recorder, replayer } from './replay.js';
import type { Row } from './report.js';
import { prng, randomInt } from './stats.js';

export interface FilterInputs {
  db: Db;
  file: string;
  conn: SQLite.Database;
  asOf: Date;
  /** Calls per series. */
  n: number;
  warmup: number;
  seed: number;
  /** Tags exist (bench fixtures, `--enrich`). */
  tagged: boolean;
}

export interface FilterResults {
  rows: Row[];
  notes: string[];
  statements: Pair['distinct'][];
}

/** `n` substrings of `min`–`max` characters of random customers' names or emails. */
export function fragments(conn: SQLite.Database, n: number, min: number, max: number, rand: () => number): string[] {
  const people = conn.prepare('select name, email from customers order by id').all() as Array<{ name: string; email: string | null }>;
  return Array.from({ length: n }, () => {
    const p = people[randomInt(rand, people.length)]!;
    const text = p.email && rand() < 0.5 ? p.email : p.name;
    const len = min + randomInt(rand, max - min + 1);
    for (let tries = 0; tries < 20; tries++) {
      const start = randomInt(rand, Math.max(1, text.length - len + 1));
      const piece = text.slice(start, start + len);
      if (piece.trim().length === piece.length && piece.length >= min) return piece;
    }
    return text.slice(0, len);
  });
}

export async function runSearchFilters(x: FilterInputs): Promise<FilterResults> {
  const app = benchApp(x.db, x.asOf);
  const recorder = new Recorder(x.file, x.asOf);
  const ctx = { app, recorder, replay: replayer(x.conn), warmup: x.warmup };
  const rand = prng(x.seed ^ 0x5ea7);
  const q = (text: string) => `/api/customers?q=${encodeURIComponent(text)}`;
  const repeat = (path: string, k: number) => Array.from({ length: k }, () => path);
  const warmN = Math.max(1, x.warmup);
  const series: Array<{ endpoint: string; what: string; paths: string[]; warm: string[] }> = [];
  if (x.tagged) {
    const tag = (i: number) => `/api/customers?tag=${FIXTURE_TAGS[i % FIXTURE_TAGS.length]![0]}`;
    series.push({
      endpoint: 'GET /customers?tag=…',
      what: `\`app.request()\`, tags ${FIXTURE_TAGS.map((t) => t[0]).join(' / ')} in turn`,
      paths: Array.from({ length: x.n }, (_, i) => tag(i)),
      warm: Array.from({ length: warmN }, (_, i) => tag(i)),
    });
  }
  const rfm = '/api/customers?segment=rfm:champions';
  const clv = '/api/customers?clvMin=1000&sort=-lifetimeValue';
  series.push(
    {
      endpoint: 'GET /customers?segment=rfm:champions',
      what: '`app.request()` (RFM membership in SQL)',
      paths: repeat(rfm, x.n),
      warm: repeat(rfm, warmN),
    },
    {
      endpoint: 'GET /customers?clvMin=1000&sort=-lifetimeValue',
      what: '`app.request()`',
      paths: repeat(clv, x.n),
      warm: repeat(clv, warmN),
    },
    {
      endpoint: 'GET /customers?q=… (3–8 chars: FTS5)',
      what: '`app.request()`, trigram candidates then the exact `LIKE`',
      paths: fragments(x.conn, x.n, 3, 8, rand).map(q),
      warm: fragments(x.conn, warmN, 3, 8, rand).map(q),
    },
    {
      endpoint: 'GET /customers?q=… (1–2 chars: LIKE)',
      what: '`app.request()`, `LIKE` scan of `search_text` (too short for trigrams)',
      paths: fragments(x.conn, x.n, 1, 2, rand).map(q),
      warm: fragments(x.conn, warmN, 1, 2, rand).map(q),
    },
  );

  const pairs: Pair[] = [];
  const matches: string[] = [];
  try {
    for (const s of series) {
      pairs.push(await paired(ctx, s.endpoint, s.paths, s.warm, { api: s.what }));
      const sample = s.paths.slice(0, 20);
      let total = 0;
      for (const p of sample) total += (await getJson<{ total: number }>(app, p)).total;
      matches.push(`${s.endpoint.replace('GET /customers', '')} ${Math.round(total / sample.length).toLocaleString('en-US')}`);
    }
  } finally {
    await recorder.close();
  }
  const notes = [
    `Search filters — mean \`total\` (matching customers) over the first 20 calls: ${matches.join('; ')}. ` +
      'Every series asks for the first page (limit 20) and the total count. Free-text fragments are drawn (seeded) from ' +
      "customers' names and emails." +
      (x.tagged ? '' : ' No `?tag=` series: tags are bench fixtures created with `--enrich`.'),
  ];
  return { rows: pairs.flatMap((p) => p.rows), notes, statements: pairs.map((p) => p.distinct) };
}
