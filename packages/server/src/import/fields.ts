/**
 * Field validators shared by importers. Each takes the raw text of one field and either returns the
 * typed value or throws an {@link ImportError} that names the file, line and column.
 * @module
 */
import { decimalToMicros } from '../scoring/money.js';
import { ImportError } from './errors.js';

/** Where a field comes from, for error messages. */
export interface FieldAt {
  file: string;
  line: number;
}

/** Trimmed text; throws `empty` when `required` and blank. Returns '' for a blank optional field. */
export function textField(at: FieldAt, column: string, raw: string, required = false): string {
  const text = raw.trim();
  if (required && text === '') throw new ImportError(at.file, 'empty', { line: at.line, column });
  return text;
}

/** A whole number (optional sign, digits only) within the safe integer range. */
export function integerField(at: FieldAt, column: string, raw: string): number {
  const text = raw.trim();
  const value = Number(text);
  if (!/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new ImportError(at.file, `not an integer: ${show(raw)}`, { line: at.line, column });
  }
  return value;
}

/** A plain decimal with at most 6 fraction digits (`"2.55"`, `"-0.001"`), as integer micros. */
export function decimalMicrosField(at: FieldAt, column: string, raw: string): number {
  const micros = decimalToMicros(raw);
  if (micros === null) {
    throw new ImportError(at.file, `not a decimal with at most 6 decimals: ${show(raw)}`, { line: at.line, column });
  }
  return micros;
}

const LOCAL_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;
let lastRaw = '';
let lastIso = '';

/**
 * A zone-less `YYYY-MM-DD HH:MM[:SS]` taken as UTC (SPEC §4), returned as ISO 8601 with
 * milliseconds and `Z` (`2011-12-09T12:50:00.000Z`). Calendar fields are checked.
 */
export function timestampField(at: FieldAt, column: string, raw: string): string {
  if (raw === lastRaw) return lastIso; // consecutive lines of one invoice share their timestamp
  const m = LOCAL_TIMESTAMP.exec(raw.trim());
  const fail = (): never => {
    throw new ImportError(at.file, `not a date-time YYYY-MM-DD HH:MM[:SS]: ${show(raw)}`, { line: at.line, column });
  };
  if (!m) return fail();
  const [, y, mo, d, h, mi, s = '00'] = m;
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), 0);
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
  if (Number.isNaN(date.getTime()) || date.toISOString() !== iso) return fail();
  lastRaw = raw;
  lastIso = iso;
  return iso;
}

function show(raw: string): string {
  return raw === '' ? '(empty)' : JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}
