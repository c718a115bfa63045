/**
 * May the customer be emailed now? (R14 with the preferences of R5): they need an address, their
 * email opt-in, and the send time — real time in their time zone (preferences; default
 * Europe/London) — outside their quiet hours. Each refusal is a problem that says which rule.
 * @module
 */
import type { Db } from '../db/connect.js';
import { customerNotFound, ProblemError } from '../core/problem.js';

/** The time zone of customers whose preferences name none. */
export const DEFAULT_TIMEZONE = 'Europe/London';

/** Minutes since local midnight of `at` in `timeZone`. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (value('hour') % 24) * 60 + value('minute');
}

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * Whether local time `minutes` falls in the quiet window `start`–`end` (HH:MM): from start
 * (inclusive) to end (exclusive), wrapping midnight when start > end (21:00–08:00). start = end is
 * an empty window.
 */
export function inQuietHours(minutes: number, start: string, end: string): boolean {
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (s === e) return false;
  return s < e ? minutes >= s && minutes < e : minutes >= s || minutes < e;
}

export interface EmailRecipient {
  id: string;
  name: string;
  email: string;
  timezone: string;
}

/** The customer's address when every rule allows an email at `now`; a 404/409/422 problem otherwise. */
export async function checkEmailAllowed(db: Db, customerId: string, now: Date): Promise<EmailRecipient> {
  const customer = await db.selectFrom('customers').select(['id', 'name', 'email']).where('id', '=', customerId).executeTakeFirst();
  if (!customer) throw customerNotFound(customerId);
  const email = customer.email?.trim();
  if (!email) {
    throw new ProblemError(
      422,
      'no-email-address',
      'Customer has no email address',
      `Customer "${customerId}" has no email address on file`,
    );
  }
  const prefs = await db.selectFrom('preferences').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
  if (!prefs) {
    throw new ProblemError(
      409,
      'email-opt-out',
      'Customer has not opted in to email',
      `Customer "${customerId}" has not opted in to email (no preferences recorded)`,
    );
  }
  if (prefs.email_opt_in !== 1) {
    const last = await db
      .selectFrom('consent_log')
      .select('occurred_at')
      .where('customer_id', '=', customerId)
      .where('channel', '=', 'email')
      .where('granted', '=', 0)
      .orderBy('occurred_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    throw new ProblemError(
      409,
      'email-opt-out',
      'Customer has opted out of email',
      `Customer "${customerId}" has opted out of email${last ? ` (since ${last.occurred_at})` : ''}`,
    );
  }
  const timezone = prefs.timezone || DEFAULT_TIMEZONE;
  if (prefs.quiet_hours_start && prefs.quiet_hours_end) {
    const { quiet_hours_start: start, quiet_hours_end: end } = prefs;
    if (inQuietHours(localMinutes(now, timezone), start, end)) {
      throw new ProblemError(409, 'quiet-hours', 'Customer is in quiet hours', `Customer is in quiet hours ${start}–${end} (${timezone})`);
    }
  }
  return { id: customer.id, name: customer.name, email, timezone };
}
