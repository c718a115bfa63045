/**
 * The import benchmark: `importOnlineRetail` of the whole file into a fresh database, timed by
 * phase, beside its reference — the same streaming CSV read and field validation without a database.
 * @module
 */
import type SQLite from 'better-sqlite3';
import type { Db } from '../../packages/server/src/db/connect.js';
import { readCsvRows } from '../../packages/server/src/import/csv-rows.js';
import {
  importOnlineRetail,
  mapRetailRow,
  ONLINE_RETAIL_COLUMNS,
  type ImportSummary,
} from '../../packages/server/src/import/online-retail.js';
import { mainThreadWaitMs } from './stats.js';

export interface ImportTiming {
  summary: ImportSummary;
  /** Whole `importOnlineRetail` call, seconds. */
  seconds: number;
  /** Until the last progress callback (file hashed, streamed, parsed, lines buffered and written). */
  streamSeconds: number;
  /** After the file is read: order headers, refunds, timeline, products, customer_stats, meta; commit. */
  finalSeconds: number;
  /** Peak resident memory of the process after the import, MiB. */
  maxRssMiB: number;
  /** Share of the import's wall time the main thread waited for a core (see Summary.waited). */
  waited?: number;
}

export interface ParseTiming {
  rows: number;
  seconds: number;
}

/** Reference: readCsvRows + mapRetailRow over the file (what the importer does before any SQL). */
export async function parseOnly(csv: string): Promise<ParseTiming> {
  const started = performance.now();
  let rows = 0;
  for await (const row of readCsvRows(csv, ONLINE_RETAIL_COLUMNS)) {
    mapRetailRow(csv, row);
    rows++;
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

/** Imports `csv` into `db` (fresh), timing the streaming pass and the final writes. */
export async function timedImport(db: Db, csv: string): Promise<ImportTiming> {
  let streamEnd = 0;
  const wait0 = mainThreadWaitMs();
  const started = performance.now();
  const summary = await importOnlineRetail(db, csv, {
    onProgress: (p) => {
      if (p.bytes >= p.totalBytes) streamEnd = performance.now();
    },
  });
  const ended = performance.now();
  const wait1 = mainThreadWaitMs();
  if (summary.skippedAsDuplicate) throw new Error(`${csv} was already imported into this database; the benchmark needs a fresh one`);
  if (!streamEnd) streamEnd = ended;
  return {
    summary,
    seconds: (ended - started) / 1000,
    streamSeconds: (streamEnd - started) / 1000,
    finalSeconds: (ended - streamEnd) / 1000,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    waited: wait0 !== undefined && wait1 !== undefined ? (wait1 - wait0) / (ended - started) : undefined,
  };
}

/** Logical size of the database (page_count × page_size; the WAL of the one-transaction import excluded), MiB. */
export function dbSizeMiB(conn: SQLite.Database): number {
  const pages = conn.pragma('page_count', { simple: true }) as number;
  const size = conn.pragma('page_size', { simple: true }) as number;
  return (pages * size) / 2 ** 20;
}
