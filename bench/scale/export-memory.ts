/**
 * The bulk export's memory, shown flat or not (issue 9): exports every customer as CSV through
 * export/bulk.ts (keyset pages of 500, one count) and, at the start and after each tenth of the
 * rows, forces a full garbage collection and reads the heap in use and the process's resident
 * memory split as Linux reports it (`/proc/self/status`): anonymous (the process's own allocations)
 * and file-backed (pages of the memory-mapped database file, which SQLite maps up to `mmap_size`
 * and the kernel reclaims at will). Flat memory = heap and anonymous memory after GC that do not
 * grow with the rows exported. The time excludes the forced collections.
 * @module
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CustomerSearchQuery } from '@c360/sdk';
import type { Db } from '../../packages/server/src/db/connect.js';
import { exportCustomersCsv } from '../../packages/server/src/export/bulk.js';

/** Memory of one export, in MiB: heap after GC at the first and last sample and its maximum; RSS growth by kind. */
export interface ExportMemory {
  heapFirstMiB: number;
  heapMaxMiB: number;
  heapLastMiB: number;
  /** Anonymous resident memory after GC: last sample minus the start (null off Linux). */
  anonGrowthMiB: number | null;
  /** File-backed resident memory (the mapped database): last sample minus the start (null off Linux). */
  fileGrowthMiB: number | null;
  samples: number;
}

export interface ExportRun {
  seconds: number;
  rows: number;
  bytes: number;
  /** Total resident memory growth (peak minus start), as earlier reports gave it. */
  rssGrowthMiB: number;
  memory: ExportMemory;
}

const MiB = 2 ** 20;

/** A full collection: `global.gc` when Node runs with --expose-gc, else the same function enabled at run time. */
function forcedGc(): () => void {
  if (typeof global.gc === 'function') return global.gc as () => void;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** RssAnon and RssFile in MiB, or nulls where /proc is not there. */
function residentByKind(): { anon: number | null; file: number | null } {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024;
    return { anon: kib('RssAnon'), file: kib('RssFile') };
  } catch {
    return { anon: null, file: null };
  }
}

/** Exports every customer (sort by id) from `db`, sampling memory as the module comment says. */
export async function measureExport(db: Db): Promise<ExportRun> {
  const gc = forcedGc();
  let gcMs = 0;
  const heaps: number[] = [];
  const sample = () => {
    const t = performance.now();
    gc();
    gcMs += performance.now() - t;
    heaps.push(process.memoryUsage().heapUsed / MiB);
  };
  sample();
  const start = residentByKind();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  let next = 0;
  const t = performance.now();
  const started = await exportCustomersCsv(db, CustomerSearchQuery.parse({ sort: 'id' }), {
    onRows: (done, total) => {
      peak = Math.max(peak, process.memoryUsage().rss);
      if (done >= next) {
        sample();
        next = done + total / 10;
      }
    },
  });
  let bytes = 0;
  for await (const chunk of started.chunks) bytes += chunk.length;
  sample();
  const seconds = (performance.now() - t - gcMs) / 1000;
  const end = residentByKind();
  const diff = (a: number | null, b: number | null) => (a === null || b === null || Number.isNaN(a) || Number.isNaN(b) ? null : b - a);
  return {
    seconds,
    rows: started.total,
    bytes,
    rssGrowthMiB: (peak - rss0) / MiB,
    memory: {
      heapFirstMiB: heaps[0]!,
      heapMaxMiB: Math.max(...heaps),
      heapLastMiB: heaps.at(-1)!,
      anonGrowthMiB: diff(start.anon, end.anon),
      fileGrowthMiB: diff(start.file, end.file),
      samples: heaps.length,
    },
  };
}
