/**
 * Reading an NDJSON file of ingestion events line by line (`c360 import events`): each non-blank
 * line parsed, validated with the SDK's `IngestEvent`, and checked against the event time limit
 * (ingest/event-times.ts) — an event, or the reasons the line is refused, with its line number.
 * @module
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { IngestEvent } from '@c360/sdk';
import { zodIssueFields } from '../core/problem.js';
import { futureTimes, type EventTimeLimit } from './event-times.js';

/** One non-blank line: its event, or why it is refused (`data.email: must be an email address…`). */
export type EventLine =
  { line: number; bytes: number; event: IngestEvent } | { line: number; bytes: number; refused: string[]; text: string };

/** Every line of `file` (blank lines only counted in `bytes` and line numbers), in order. */
export async function* readEventLines(
  file: string,
  limit: EventTimeLimit,
): AsyncGenerator<EventLine | { line: number; bytes: number; blank: true }> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of lines) {
      line += 1;
      const bytes = Buffer.byteLength(raw) + 1;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!text.trim()) {
        yield { line, bytes, blank: true };
        continue;
      }
      yield { line, bytes, ...parseLine(text, limit) };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

function parseLine(text: string, limit: EventTimeLimit): { event: IngestEvent } | { refused: string[]; text: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { refused: ['is not valid JSON'], text };
  }
  const result = IngestEvent.safeParse(value);
  if (!result.success) {
    return {
      refused: result.error.issues
        .flatMap(zodIssueFields)
        .map(({ path, message }) => `${path.map(String).join('.') || '(event)'}: ${message}`),
      text,
    };
  }
  const future = futureTimes(result.data, limit);
  if (future.length) return { refused: future.map((e) => `${e.field}: ${e.message}`), text };
  return { event: result.data };
}
