/**
 * Shared pieces of the ingestion-event schemas: the event base fields, ids, money and the card-number guard.
 * Internal to the events schemas (not re-exported from the SDK).
 * @module
 */
import { z } from 'zod';

// ---- timestamps ----------------------------------------------------------------------------------

/** Earliest year an event timestamp may have (older ones are data errors, e.g. year 1). */
export const MIN_EVENT_YEAR = 1900;

/** `YYYY-MM-DD`, optionally `THH:MM[:SS[.fff]]` (or a space for `T`), optionally `Z` or `±HH:MM`. */
const TIMESTAMP_INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Parses a wire timestamp to epoch milliseconds, or says what is wrong. A timestamp without a zone
 * is UTC and a plain date is 00:00 UTC (SPEC §4: "timestamps that carry no zone are taken as UTC").
 */
export function parseEventTime(text: string): number | string {
  const m = TIMESTAMP_INPUT.exec(text.trim());
  if (!m) return 'must be an ISO 8601 date or timestamp, e.g. 2025-06-01, 2025-06-01T10:00:00 (UTC) or 2025-06-01T10:00:00+02:00';
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone] = m;
  const back = new Date(0);
  back.setUTCFullYear(Number(y), Number(mo) - 1, Number(d)); // not Date.UTC: it reads years 0–99 as 1900–1999
  back.setUTCHours(Number(h), Number(mi), Number(sec), Number(frac.padEnd(3, '0').slice(0, 3)));
  const ms = back.getTime();
  if (back.getUTCDate() !== Number(d) || back.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) {
    return 'is not a real date and time';
  }
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const [, sign, oh, om] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    if (Number(oh) > 14 || Number(om) > 59) return 'has an impossible UTC offset';
    offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  }
  const at = ms - offset;
  if (new Date(at).getUTCFullYear() < MIN_EVENT_YEAR) return `is before ${MIN_EVENT_YEAR}`;
  return at;
}

/**
 * A timestamp of an event: ISO 8601 with a zone (`Z`, `+02:00`), without one (UTC), or a plain
 * date (00:00 UTC); from 1900 on. Parsed to the stored form, ISO 8601 UTC with milliseconds and `Z`.
 * How far in the future it may be is checked by the server (its clock, see docs/data-model.md).
 */
export const EventTimestamp = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const at = parseEventTime(text);
    if (typeof at === 'string') {
      ctx.addIssue({ code: 'custom', message: at, input: text });
      return z.NEVER;
    }
    return new Date(at).toISOString();
  })
  .meta({
    description: 'ISO 8601 timestamp; without a zone it is UTC, a plain date is 00:00 UTC; from 1900 on (stored in UTC)',
    examples: ['2011-12-09T12:50:00Z', '2025-06-01T10:00:00', '2025-06-01'],
  });

export const EventBase = {
  id: z.string().min(1).max(200).meta({ description: 'Idempotency key, unique per source event' }),
  occurredAt: EventTimestamp.meta({
    description: 'When it happened (ISO 8601; without a zone UTC, a plain date 00:00 UTC; stored in UTC)',
  }),
};

// ---- email addresses (RFC 6531) --------------------------------------------------------------------

/** Characters never allowed in the local part of an unquoted address: controls, spaces, RFC 5322 specials. */
const LOCAL_PART = /^[^\s\p{Cc}()<>[\]:;@\\,"]+$/u;
/** One label of a (possibly internationalised) domain: letters, marks, digits, hyphens inside. */
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

/**
 * The address rule (documented in docs/data-model.md): `local@domain`, at most 254 characters;
 * the local part an unquoted dot-atom of any characters but spaces, controls and `()<>[]:;@\,"`
 * (so UTF-8 such as `stanisław.wójcik` is fine, RFC 6531), no leading, trailing or doubled dot,
 * at most 64 characters; the domain at least two labels of letters, marks, digits and inner
 * hyphens (Unicode allowed: `bücher.de`), the last not all digits.
 */
export function isEmailAddress(text: string): boolean {
  if (text.length > 254) return false;
  const at = text.lastIndexOf('@');
  if (at <= 0) return false;
  const local = text.slice(0, at);
  const labels = text.slice(at + 1).split('.');
  if (local.length > 64 || !LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1]!);
}

/** An email address per {@link isEmailAddress}, stored as given (trimmed); compared case-insensitively. */
export const EmailAddress = z
  .string()
  .trim()
  .max(254)
  .refine(isEmailAddress, 'must be an email address such as ana@example.com (internationalised addresses allowed)')
  .meta({ description: 'Email address (RFC 6531: UTF-8 local part and domain allowed)', example: 'jose@bücher.de' });

// ---- text ----------------------------------------------------------------------------------------

/** C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** The same without tab and line feed. */
const CONTROLS_BUT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text as stored: control characters removed. A multi-line field keeps tabs and line feeds (CRLF
 * and CR become LF); a single-line field gets a space for each run of tabs and line breaks.
 */
export function cleanText(text: string, multiLine: boolean): string {
  return multiLine ? text.replace(/\r\n?/g, '\n').replace(CONTROLS_BUT_TAB_LF, '') : text.replace(/[\t\n\r]+/g, ' ').replace(CONTROLS, '');
}

/** The multi-line text fields of the events: a ticket's first message and an update's comment. */
const MULTI_LINE: Readonly<Record<string, readonly string[]>> = { 'ticket.opened': ['description'], 'ticket.updated': ['comment'] };

/** Calls `visit` for every string of a (validated, so shallow) event with its path; its result replaces the string. */
function mapStrings(value: unknown, path: Array<string | number>, visit: (text: string, path: Array<string | number>) => string): unknown {
  if (typeof value === 'string') return visit(value, path);
  if (Array.isArray(value)) return value.map((item, i) => mapStrings(item, [...path, i], visit));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, [...path, k], visit)]));
  }
  return value;
}

const isMultiLine = (type: string, path: Array<string | number>): boolean =>
  path.length === 2 && path[0] === 'data' && typeof path[1] === 'string' && (MULTI_LINE[type] ?? []).includes(path[1]);

/** A copy of a (validated) event with {@link cleanText} applied to every string. */
export function cleanEventText<E extends { type: string }>(event: E): E {
  return mapStrings(event, [], (text, path) => cleanText(text, isMultiLine(event.type, path))) as E;
}

/** Issues for the strings of an event that are nothing but control characters (they would be stored empty). */
export function controlOnlyText(event: { type: string }, ctx: z.RefinementCtx): void {
  mapStrings(event, [], (text, path) => {
    if (text.trim() !== '' && cleanText(text, isMultiLine(event.type, path)).trim() === '') {
      ctx.addIssue({ code: 'custom', path, message: 'holds only control characters', input: text });
    }
    return text;
  });
}

export const Id = (what: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .meta({ description: `${what} id, chosen by the source system` });
export const Text = (max: number) => z.string().min(1).max(max);

// ---- money -------------------------------------------------------------------------------------

/** Digits after the point in the shortest decimal form of `n`; null when that form has an exponent. */
export function fractionDigits(n: number): number | null {
  const match = /^-?\d+(?:\.(\d+))?$/.exec(String(n));
  return match ? (match[1]?.length ?? 0) : null;
}

/** Minor-unit digits of an ISO 4217 currency (GBP 2, JPY 0, BHD 3). */
const digitsByCurrency = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (2 when unknown), cached: a formatter per call cost ~8 % of ingestion. */
function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

const plainDecimal = (max: number) => (n: number) => {
  const digits = fractionDigits(n);
  return digits !== null && digits <= max;
};

/** A non-negative amount of money in major units of the event's `currency` (12.5 = £12.50). */
export const Amount = z
  .number()
  .nonnegative()
  .max(1_000_000_000)
  .refine(plainDecimal(6), 'must be a plain decimal number in major units (e.g. 12.5)')
  .meta({ description: "Major units of `currency` (12.5 = £12.50), at most the currency's decimals" });

/** A positive amount of money in major units of the event's `currency`. */
export const PositiveAmount = z
  .number()
  .positive()
  .max(1_000_000_000)
  .refine(plainDecimal(6), 'must be a plain decimal number in major units (e.g. 12.5)')
  .meta({ description: "Major units of `currency` (12.5 = £12.50), at most the currency's decimals" });

/** A unit price in major units with at most 6 decimals (Online Retail has £0.001). */
export const UnitPrice = z
  .number()
  .nonnegative()
  .max(1_000_000_000)
  .refine(plainDecimal(6), 'must be a plain decimal number in major units with at most 6 decimals')
  .meta({ description: 'Price of one unit, major units of `currency`, at most 6 decimals' });

/** Issues for amounts with more decimals than `data.currency` has. */
export function amountsFitCurrency(data: { currency: string }, fields: readonly string[], ctx: z.RefinementCtx): void {
  const digits = currencyDigits(data.currency);
  for (const field of fields) {
    const value = (data as Record<string, unknown>)[field];
    if (typeof value !== 'number') continue;
    const d = fractionDigits(value);
    if (d !== null && d > digits) {
      ctx.addIssue({ code: 'custom', path: [field], message: `has ${d} decimals but ${data.currency} has ${digits}` });
    }
  }
}

// ---- card-number guard ---------------------------------------------------------------------------

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** True when `text` contains what looks like a full card number (12–19 digits passing Luhn). */
function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(/\d(?:[ -]?\d){11,18}/g)) {
    if (luhn(match[0].replace(/[ -]/g, ''))) return true;
  }
  return false;
}

/** Rejects any string field of `data` that carries a full card number: only `last4` may be sent. */
export function noCardNumbers(data: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const [field, value] of Object.entries(data)) {
    if (typeof value === 'string' && containsCardNumber(value)) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'looks like a full card number; send only its last 4 digits (last4)' });
    }
  }
}
