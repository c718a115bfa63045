/**
 * What every applier shares: the customer an event is about, its timeline entry, exact conversion of
 * wire money (major-unit numbers) to stored integers, and timeline text helpers.
 * @module
 */
import type { TimelineEventType } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { currencyExponent, decimalToMicros } from '../scoring/money.js';
import { EventConflict } from './conflict.js';

/** The existing customer an event is about, as looked up before its applier runs. */
export interface CustomerRef {
  id: string;
  name: string;
  currency: string;
}

/** What an applier reports: the customer whose aggregates may need recomputing. */
export interface Applied {
  customerId: string;
}

/** One timeline row; `id` is deterministic (from the record's or the event's id) so replays upsert it. */
export interface ActivityEntry {
  id: string;
  type: TimelineEventType;
  title: string;
  description?: string | null;
  occurredAt: string;
  amountMinor?: number | null;
  currency?: string | null;
  ref?: { kind: string; id: string } | null;
}

/** Timeline id of an event that is not itself a record (`event:` keeps client ids apart from `order:…`). */
export const eventActivityId = (eventId: string): string => `event:${eventId}`;

/** The `activity` columns of `entry` (all but `id`), as an upsert writes them. */
export function activityColumns(customerId: string, entry: ActivityEntry) {
  return {
    customer_id: customerId,
    type: entry.type,
    title: entry.title,
    description: entry.description ?? null,
    occurred_at: entry.occurredAt,
    amount_minor: entry.amountMinor ?? null,
    currency: entry.amountMinor === null || entry.amountMinor === undefined ? null : (entry.currency ?? null),
    ref_kind: entry.ref?.kind ?? null,
    ref_id: entry.ref?.id ?? null,
  };
}

/** Inserts or replaces the timeline entry `entry.id`, in the caller's transaction. */
export async function writeActivity(db: Db, customerId: string, entry: ActivityEntry): Promise<void> {
  const row = activityColumns(customerId, entry);
  await db
    .insertInto('activity')
    .values({ id: entry.id, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

/** A wire timestamp (any offset) as the stored form: ISO 8601 UTC with milliseconds and `Z`. */
export const utc = (timestamp: string): string => new Date(timestamp).toISOString();

/**
 * A wire amount (major units, validated as a plain decimal) to integer micros, exactly: through its
 * shortest decimal string, never through floating-point multiplication.
 */
export function toMicros(amount: number): number {
  const micros = decimalToMicros(String(amount));
  if (micros === null) throw new Error(`amount ${amount} is not a plain decimal (validation should have caught it)`);
  return micros;
}

/** A wire amount (major units, at most the currency's decimals) to integer minor units, exactly. */
export function toMinor(amount: number, currency: string): number {
  const perMinor = 10 ** (6 - currencyExponent(currency));
  const micros = toMicros(amount);
  if (micros % perMinor !== 0) throw new Error(`amount ${amount} has more decimals than ${currency} (validation should have caught it)`);
  return micros / perMinor;
}

/** Money events must be in the customer's currency: every aggregate (CLV, refunds) is one currency. */
export function requireCustomerCurrency(customer: CustomerRef, currency: string, field = 'data.currency'): void {
  if (currency !== customer.currency) {
    throw new EventConflict(
      field,
      `is ${currency} but customer "${customer.id}" is in ${customer.currency}; send amounts in ${customer.currency}`,
    );
  }
}

/** Throws a conflict when a record with this id exists and belongs to another customer. */
export function requireOwner(
  row: { customer_id: string } | undefined,
  customer: CustomerRef,
  field: string,
  what: string,
  id: string,
): void {
  if (row && row.customer_id !== customer.id) throw new EventConflict(field, `${what} "${id}" belongs to another customer`);
}

/** `2 lines`, `1 item`. */
export const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** Joins the present parts of a timeline description with ` · `; null when none. */
export function parts(...items: Array<string | null | undefined | false>): string | null {
  const present = items.filter((item): item is string => typeof item === 'string' && item.length > 0);
  return present.length ? present.join(' · ') : null;
}

/** `in_progress` → `In progress`. */
export const label = (value: string): string => {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** Shortens free text for a timeline line. */
export const clip = (text: string | undefined, max = 160): string | undefined =>
  text === undefined || text.length <= max ? text : `${text.slice(0, max - 1)}…`;
