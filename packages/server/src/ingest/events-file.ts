/**
 * Importing an NDJSON file of ingestion events (`c360 import events`): the file is streamed line
 * by line (memory bounded by one chunk), every line validated with the SDK's `IngestEvent` (errors
 * name the line), and the events applied in chunks of 1,000, each chunk its own transaction — like
 * a POST /events batch — so readers, the live stream and other writers never wait behind the whole
 * file. A chunk applies completely or not at all; the first invalid line or conflicting event stops
 * the import before its chunk, and what the earlier chunks committed stays. Event ids are
 * idempotency keys: running the file again (after a fix, or after the process was killed) skips
 * what was committed and resumes with the rest.
 * @module
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { IngestEvent } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { ImportError } from '../import/errors.js';
import { applyEvents } from './apply-events.js';
import { IngestConflict } from './conflict.js';

/** Events per transaction (each moves the aggregates of its customers by its delta). */
export const EVENTS_CHUNK = 1000;
/** Invalid lines listed before reading stops. */
const MAX_ERRORS = 20;

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
}

export interface EventsFileSummary {
  file: string;
  /** Events in the file (blank lines excluded). */
  events: number;
  applied: number;
  /** Events whose id had already been received (skipped). */
  duplicates: number;
  /** Events read per type. */
  byType: Record<string, number>;
}

/**
 * Validates and applies the events of `file`, {@link EventsFileOptions.chunkSize} per transaction.
 * @throws ImportError naming the line (and field) of each invalid line (up to 20), or of the event
 *   that cannot be applied (unknown customer, points beyond the balance…); the chunk holding it and
 *   everything after it are not applied, and the message says how many events earlier chunks
 *   committed (`nothing was imported` when none): running the fixed file again resumes.
 */
export async function importEventsFile(db: Db, file: string, options: EventsFileOptions = {}): Promise<EventsFileSummary> {
  const now = options.now ?? new Date();
  const chunkSize = options.chunkSize ?? EVENTS_CHUNK;
  const summary: EventsFileSummary = { file, events: 0, applied: 0, duplicates: 0, byType: {} };
  const errors: Array<{ line: number; what: string }> = [];
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

  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const raw of lines) {
      progress.lines += 1;
      progress.bytes += Buffer.byteLength(raw) + 1;
      if (progress.lines % 1000 === 0) options.onProgress?.({ ...progress });
      const text = progress.lines === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!text.trim()) continue;
      summary.events += 1;
      const event = parseLine(text);
      if ('problems' in event) {
        for (const what of event.problems) errors.push({ line: progress.lines, what });
        if (errors.length >= MAX_ERRORS) break;
        continue;
      }
      summary.byType[event.type] = (summary.byType[event.type] ?? 0) + 1;
      if (errors.length > 0) continue; // only validating from now on
      chunk.push(event);
      chunkLines.push(progress.lines);
      if (chunk.length >= chunkSize) await flush();
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (errors.length > 0) throw invalidLines(file, errors, committed(summary));
  await flush();
  options.onProgress?.({ ...progress, bytes: Math.max(progress.bytes, progress.totalBytes) });
  return summary;
}

/** What the chunks before a failure left in the database, for the error message. */
function committed(summary: EventsFileSummary): string {
  const done = summary.applied + summary.duplicates;
  if (done === 0) return 'nothing was imported';
  return `the ${done.toLocaleString('en-US')} events before its chunk were imported; run the file again once fixed (they are skipped)`;
}

/** A line's event, or what is wrong with it (`data.email: Invalid email address`). */
function parseLine(text: string): IngestEvent | { problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problems: ['is not valid JSON'] };
  }
  const result = IngestEvent.safeParse(value);
  if (result.success) return result.data;
  return { problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`) };
}

function invalidLines(file: string, errors: Array<{ line: number; what: string }>, outcome: string): ImportError {
  const [first, ...rest] = errors;
  const more = rest.map((e) => `\n${file}: line ${e.line}: ${e.what}`).join('');
  const tail = errors.length >= MAX_ERRORS ? `\n(stopped after ${MAX_ERRORS} problems)` : '';
  return new ImportError(file, `${first!.what}${more}${tail}\n${outcome}`, { line: first!.line });
}
