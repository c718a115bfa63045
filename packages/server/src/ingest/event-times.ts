/**
 * Plausible event times: an event cannot have happened in the future. The SDK's schema already
 * refuses timestamps before 1900; this is the upper bound, which needs the server's clock.
 *
 * Latest accepted time = the later of the server's clock and its as-of date, plus a window
 * (`C360_EVENT_FUTURE_WINDOW`, default `1d`; clocks of source systems drift and time zones are
 * misdeclared). So an order dated 2099 is refused naming `occurredAt`, while a server running with
 * a future `--as-of` (a simulation) accepts events up to that as-of. See docs/data-model.md.
 * @module
 */
import type { FieldError, IngestEvent } from '@c360/sdk';
import { formatTtl, parseTtl } from '../auth/ttl.js';

/** Default window after the clock: one day. */
export const DEFAULT_FUTURE_WINDOW_MS = 86_400_000;

/** The window from `C360_EVENT_FUTURE_WINDOW` (`90s`, `15m`, `12h`, `1d`); throws naming the variable when malformed. */
export function futureWindowFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.C360_EVENT_FUTURE_WINDOW?.trim();
  return text ? parseTtl(text, 'C360_EVENT_FUTURE_WINDOW') : DEFAULT_FUTURE_WINDOW_MS;
}

/** The latest time an event may carry, and the window it was made with (for messages). */
export interface EventTimeLimit {
  latest: Date;
  windowMs: number;
}

/** Latest event time accepted: max(clock, as-of) + window. */
export function eventTimeLimit(clock: Date, asOf: Date | undefined, windowMs: number = futureWindowFromEnv()): EventTimeLimit {
  return { latest: new Date(Math.max(clock.getTime(), asOf?.getTime() ?? 0) + windowMs), windowMs };
}

/** The event fields that say when something happened (`expiresAt` of points lies in the future by design). */
const PAST_FIELDS: ReadonlyArray<readonly string[]> = [['occurredAt'], ['data', 'registeredAt']];

/**
 * The fields of `event` (validated: timestamps are ISO UTC) dated after the limit, as field errors
 * with paths relative to the event (`occurredAt`, `data.registeredAt`).
 */
export function futureTimes(event: IngestEvent, limit: EventTimeLimit): FieldError[] {
  const errors: FieldError[] = [];
  for (const path of PAST_FIELDS) {
    let value: unknown = event;
    for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string' && Date.parse(value) > limit.latest.getTime()) {
      errors.push({
        field: path.join('.'),
        message: `is in the future: after ${limit.latest.toISOString()} (the server's clock plus ${formatTtl(limit.windowMs)})`,
      });
    }
  }
  return errors;
}
