/**
 * Importing an NDJSON file of ingestion events (`c360 import events`) in two passes over the
 * streamed file (memory bounded by one chunk):
 * 1. every line is validated (the SDK's `IngestEvent`, the event time limit of
 *    ingest/event-times.ts); refused lines are counted, the first {@link MAX_LISTED} listed, and
 *    all of them written to the report file when one is asked for (NDJSON `{line, reasons, text}`).
 *    By default any refused line stops the import before anything is written (all or nothing);
 *    with `skipInvalid` the other lines are imported;
 * 2. the events are applied in chunks of 1,000, each chunk its own transaction — like a POST
 *    /events batch — so readers, the live stream and other writers never wait behind the whole
 *    file. An event that conflicts with the data (unknown customer…) stops the import before its
 *    chunk; what earlier chunks committed stays. Event ids are idempotency keys: running the file
 *    again (after a fix, or after the process was killed) skips what was committed.
 * @module
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { IngestEvent } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { ImportError } from '../import/errors.js';
import { applyEvents } from './apply-events.js';
import { IngestConflict } from './conflict.js';
import { eventTimeLimit } from './event-times.js';
import { readEventLines } from './event-lines.js';

/** Events per transaction (each moves the aggregates of its customers by its delta). */
export const EVENTS_CHUNK = 1000;
/** Refused lines listed in the error (all of them go to the report file). */
export const MAX_LISTED = 100;

export interface EventsFileProgress {
  bytes: number;
  totalBytes: number;
  /** Lines read so far. */
  lines: number;
}

export interface EventsFileOptions {
  /** File size in bytes, for progress (0 when unknown). */
  totalBytes?: number;
  /** Called every 1,000 lines and at the end. */
  onProgress?: (progress: EventsFileProgress) => void;
  /** Clock of the bookkeeping timestamps (default: now). */
  now?: Date;
  /** Events per transaction (default {@link EVENTS_CHUNK}). */
  chunkSize?: number;
  /** The server's as-of date: events may be dated up to the later of it and `now`, plus the window. */
  asOf?: Date;
  /** Import the valid lines even when some are refused (default: a refused line imports nothing). */
  skipInvalid?: boolean;
  /** Write every refused line to this file, one JSON object per line: `{line, reasons, text}`. */
  reportFile?: string;
}

export interface EventsFileSummary {
  file: string;
  /** Events in the file (blank lines excluded). */
  events: number;
  applied: number;
  /** Events whose id had already been received (skipped). */
  duplicates: number;
  /** Events read per type (refused lines excluded). */
  byType: Record<string, number>;
  /** Lines refused (invalid, or dated out of bounds); only with `skipInvalid`, else the import fails. */
  refused: number;
}

/**
 * Validates every line of `file`, then applies its events, {@link EventsFileOptions.chunkSize} per transaction.
 * @throws ImportError naming the line and field of each refused line (the first 100, and how many
 *   more) — nothing is then written, unless `skipInvalid`; or of the event that cannot be applied
 *   (unknown customer, points beyond the balance…): the chunk holding it and everything after it
 *   are not applied, and the message says how many events earlier chunks committed.
 */
export async function importEventsFile(db: Db, file: string, options: EventsFileOptions = {}): Promise<EventsFileSummary> {
  const now = options.now ?? new Date();
  const limit = eventTimeLimit(now, options.asOf);
  const refused = await checkLines(file, limit, options.reportFile);
  if (refused.lines.size > 0 && !options.skipInvalid) throw refusedLines(file, refused, options.reportFile);

  const chunkSize = options.chunkSize ?? EVENTS_CHUNK;
  const summary: EventsFileSummary = { file, events: 0, applied: 0, duplicates: 0, byType: {}, refused: refused.lines.size };
  const progress: EventsFileProgress = { bytes: 0, totalBytes: options.totalBytes ?? 0, lines: 0 };
  let chunk: IngestEvent[] = [];
  let chunkLines: number[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    try {
      const result = await applyEvents(db, chunk, now);
      summary.applied += result.applied;
      summary.duplicates += result.duplicates;
    } catch (error) {
      if (error instanceof IngestConflict) {
        throw new ImportError(file, `${error.field}: ${error.reason}; ${committed(summary)}`, { line: chunkLines[error.index] });
      }
      throw error;
    }
    chunk = [];
    chunkLines = [];
  };

  for await (const item of readEventLines(file, limit)) {
    progress.lines = item.line;
    progress.bytes += item.bytes;
    if (progress.lines % 1000 === 0) options.onProgress?.({ ...progress });
    if (!('event' in item)) continue; // blank, or refused (and skipped)
    summary.events += 1;
    summary.byType[item.event.type] = (summary.byType[item.event.type] ?? 0) + 1;
    chunk.push(item.event);
    chunkLines.push(item.line);
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  options.onProgress?.({ ...progress, bytes: Math.max(progress.bytes, progress.totalBytes) });
  return summary;
}

interface Refused {
  /** Line numbers of every refused line. */
  lines: Set<number>;
  /** The first {@link MAX_LISTED}, with their reasons. */
  listed: Array<{ line: number; reasons: string[] }>;
}

/** The validation pass: every refused line, the first ones listed, all written to `reportFile`. */
async function checkLines(file: string, limit: ReturnType<typeof eventTimeLimit>, reportFile: string | undefined): Promise<Refused> {
  const refused: Refused = { lines: new Set(), listed: [] };
  const report: WriteStream | undefined = reportFile ? createWriteStream(reportFile, { encoding: 'utf8' }) : undefined;
  try {
    for await (const item of readEventLines(file, limit)) {
      if (!('refused' in item)) continue;
      refused.lines.add(item.line);
      if (refused.listed.length < MAX_LISTED) refused.listed.push({ line: item.line, reasons: item.refused });
      if (report && !report.write(`${JSON.stringify({ line: item.line, reasons: item.refused, text: item.text })}\n`))
        await once(report, 'drain');
    }
  } finally {
    if (report) await new Promise<void>((resolve, reject) => report.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
  return refused;
}

function refusedLines(file: string, refused: Refused, reportFile: string | undefined): ImportError {
  const listed = refused.listed.flatMap(({ line, reasons }) => reasons.map((what) => ({ line, what })));
  const [first, ...rest] = listed;
  const more = rest.map((e) => `\n${file}: line ${e.line}: ${e.what}`).join('');
  const unlisted = refused.lines.size - refused.listed.length;
  const tail = [
    ...(unlisted > 0 ? [`(and ${unlisted.toLocaleString('en-US')} more refused lines)`] : []),
    ...(reportFile ? [`every refused line is in ${reportFile}`] : []),
    `${refused.lines.size.toLocaleString('en-US')} of the lines refused; nothing was imported (--skip-invalid imports the others)`,
  ]
    .map((t) => `\n${t}`)
    .join('');
  return new ImportError(file, `${first!.what}${more}${tail}`, { line: first!.line });
}

/** What the chunks before a failure left in the database, for the error message. */
function committed(summary: EventsFileSummary): string {
  const done = summary.applied + summary.duplicates;
  if (done === 0) return 'nothing was imported';
  return `the ${done.toLocaleString('en-US')} events before its chunk were imported; run the file again once fixed (they are skipped)`;
}
