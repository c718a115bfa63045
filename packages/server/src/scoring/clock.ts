/**
 * The one clock of c360 (SPEC §2 "Time"): every day count and score is computed against an
 * explicit as-of instant, resolved once from `--as-of`, `C360_NOW`, a fallback (the imported
 * dataset's latest timestamp) or the real time, in that order. Everything else in `scoring/`
 * takes that instant as a parameter and never reads the clock itself.
 *
 * What happens while a server runs (quick actions, notes, tags, preference edits, exports) is
 * stamped by {@link writeClock}: the real time when the as-of is the real time, else the pinned
 * as-of plus the real time elapsed since the server started — so in the demo (as-of 2011-12-09) a
 * ticket opened now is dated minutes after the as-of, not years after it.
 * @module
 */

/** Milliseconds in one UTC day. Days are counted in fixed 24 h steps, so DST never shifts them. */
export const MS_PER_DAY = 86_400_000;

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Parses an ISO 8601 date or date-time strictly and returns its epoch milliseconds, or `null` when
 * the text is not one.
 *
 * Accepted: `YYYY-MM-DD` (taken as 00:00:00 UTC of that day), `YYYY-MM-DDTHH:mm[:ss[.fff…]]`
 * followed by `Z`, `±HH:MM`, `±HHMM` or nothing (no zone = UTC, SPEC §4); a space may replace `T`.
 * Calendar fields are checked (`2011-02-30`, `24:00` and month 13 are rejected).
 */
export function parseIsoUtc(text: string): number | null {
  const m = ISO_PATTERN.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number(frac.slice(1).padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    const zh = Number(zm[2]);
    const zmin = Number(zm[3]);
    if (zh > 23 || zmin > 59) return null;
    offsetMinutes = (zm[1] === '-' ? -1 : 1) * (zh * 60 + zmin);
  }
  const date = new Date(0); // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 19xx
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime() - offsetMinutes * 60_000;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * Whole days from `fromIso` to `to`: `floor((to − from) / 86 400 000)` — elapsed 24-hour periods,
 * independent of time zones and DST (SPEC §4 "whole days").
 *
 * Negative when `from` is after `to` (floor rounds towards −∞, so 1 ms in the future is −1); callers
 * that score customers clamp where a negative count makes no sense.
 *
 * @param fromIso an ISO date or date-time as accepted by {@link parseIsoUtc}
 * @throws Error when `fromIso` is not an ISO date or `to` is an invalid Date
 */
export function wholeDaysBetween(fromIso: string, to: Date): number {
  const from = parseIsoUtc(fromIso);
  if (from === null) throw new Error(`"${fromIso}" is not an ISO date`);
  const end = to.getTime();
  if (Number.isNaN(end)) throw new Error('wholeDaysBetween: invalid "to" date');
  return Math.floor((end - from) / MS_PER_DAY);
}

/** Where {@link resolveAsOf} looks for the as-of instant. */
export interface AsOfOptions {
  /** Value of `--as-of` (highest priority). */
  asOf?: string;
  /** Environment to read `C360_NOW` from; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** ISO date used when neither is set, e.g. the imported dataset's latest timestamp. */
  fallback?: string;
  /** Source of the real time, last resort; defaults to `() => new Date()`. For tests. */
  now?: () => Date;
}

/** Whether {@link resolveAsOf} would take its instant from `--as-of`, `C360_NOW` or the fallback rather than the real time. */
export function asOfPinned(opts: AsOfOptions = {}): boolean {
  const env = opts.env ?? process.env;
  return [opts.asOf, env.C360_NOW, opts.fallback].some((v) => v !== undefined && v.trim() !== '');
}

/** A source of the current instant. */
export type Clock = () => Date;

/**
 * The clock of writes for a server whose reads use `asOf`: the real time when the as-of is not
 * pinned; else `asOf` + the real milliseconds elapsed since `startedAt` (epoch ms, default now),
 * so the demo's writes follow on from its data instead of landing years later.
 */
export function writeClock(asOf: Date, pinned: boolean, startedAt: number = Date.now(), real: () => number = Date.now): Clock {
  if (!pinned) return () => new Date(real());
  const offset = asOf.getTime() - startedAt;
  return () => new Date(real() + offset);
}

/**
 * Resolves the as-of instant: `opts.asOf` (`--as-of`), else `env.C360_NOW`, else `opts.fallback`,
 * else the real current time. A value that is `undefined` or blank counts as unset (so `C360_NOW=`
 * does not override anything). `YYYY-MM-DD` means 00:00:00Z of that day; full ISO date-times are
 * taken as given (no zone = UTC).
 *
 * @throws Error `--as-of / C360_NOW: "<value>" is not an ISO date` when the first set value
 *   (including the fallback) is not an ISO date as accepted by {@link parseIsoUtc}.
 */
export function resolveAsOf(opts: AsOfOptions = {}): Date {
  const env = opts.env ?? process.env;
  const value = [opts.asOf, env.C360_NOW, opts.fallback].find((v) => v !== undefined && v.trim() !== '');
  if (value === undefined) return (opts.now ?? (() => new Date()))();
  const ms = parseIsoUtc(value);
  if (ms === null) throw new Error(`--as-of / C360_NOW: "${value}" is not an ISO date`);
  return new Date(ms);
}
