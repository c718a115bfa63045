/**
 * Field validators shared by importers. Each takes the raw text of one field and either returns the
 * typed value or throws an {@link ImportError} that names the file, line and column.
 * @module
 */
import { cleanText } from '@c360/sdk';
import { decimalToMicros } from '../scoring/money.js';
import { ImportError } from './errors.js';

/** Where a field comes from, for error messages. */
export interface FieldAt {
  file: string;
  line: number;
}

/**
 * Trimmed one-line text with control characters removed (as every ingested event's text, SDK
 * `cleanText`); throws `empty` when `required` and blank. Returns '' for a blank optional field.
 */
export function textField(at: FieldAt, column: string, raw: string, required = false): string {
  const text = cleanText(raw, false).trim();
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

/** How a source writes its zone-less timestamps: year first, day first or month first. */
export const DATE_FORMATS = ['ymd', 'dmy', 'mdy'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Each format's pattern (groups: year, month, day, hour, minute, second) and how it reads in messages. */
const TIMESTAMP_FORMATS: Record<DateFormat, { pattern: RegExp; order: [number, number, number]; label: string }> = {
  ymd: { pattern: /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/, order: [1, 2, 3], label: 'YYYY-MM-DD HH:MM[:SS]' },
  dmy: { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/, order: [3, 2, 1], label: 'DD/MM/YYYY HH:MM[:SS]' },
  mdy: { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/, order: [3, 1, 2], label: 'M/D/YYYY H:MM[:SS]' },
};
let lastKey = '';
let lastIso = '';

/**
 * A zone-less timestamp taken as UTC (SPEC §4), returned as ISO 8601 with milliseconds and `Z`
 * (`2011-12-09T12:50:00.000Z`). `format` says how it is written: `ymd` (default) `2011-12-09 12:50[:00]`,
 * `dmy` `09/12/2011 12:50` (day first, as UCI's spreadsheet shows it in UK locales), `mdy` `12/9/2011 12:50`
 * (month first, as US exports of it). Calendar fields are checked (`31/02/2011` fails).
 * @throws ImportError naming the file, line, column and the expected format.
 */
export function timestampField(at: FieldAt, column: string, raw: string, format: DateFormat = 'ymd'): string {
  const key = `${format}:${raw}`;
  if (key === lastKey) return lastIso; // consecutive lines of one invoice share their timestamp
  const { pattern, order, label } = TIMESTAMP_FORMATS[format];
  const m = pattern.exec(raw.trim());
  const fail = (): never => {
    throw new ImportError(at.file, `not a date-time ${label}: ${show(raw)}`, { line: at.line, column });
  };
  if (!m) return fail();
  const pad = (text: string, width: number) => text.padStart(width, '0');
  const y = m[order[0]]!;
  const mo = pad(m[order[1]]!, 2);
  const d = pad(m[order[2]]!, 2);
  const h = pad(m[4]!, 2);
  const mi = m[5]!;
  const s = m[6] ?? '00';
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), 0);
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
  if (Number.isNaN(date.getTime()) || date.toISOString() !== iso) return fail();
  lastKey = key;
  lastIso = iso;
  return iso;
}

function show(raw: string): string {
  return raw === '' ? '(empty)' : JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
}
