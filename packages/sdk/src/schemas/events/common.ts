/**
 * Shared pieces of the ingestion-event schemas: the event base fields, ids, money and the card-number guard.
 * Internal to the events schemas (not re-exported from the SDK).
 * @module
 */
import { z } from 'zod';
import { Timestamp } from '../common.js';

export const EventBase = {
  id: z.string().min(1).max(200).meta({ description: 'Idempotency key, unique per source event' }),
  occurredAt: Timestamp.meta({ description: 'When it happened (ISO 8601; stored in UTC)' }),
};

export const Id = (what: string) => z.string().min(1).max(200).meta({ description: `${what} id, chosen by the source system` });
export const Text = (max: number) => z.string().min(1).max(max);

// ---- money -------------------------------------------------------------------------------------

/** Digits after the point in the shortest decimal form of `n`; null when that form has an exponent. */
export function fractionDigits(n: number): number | null {
  const match = /^-?\d+(?:\.(\d+))?$/.exec(String(n));
  return match ? (match[1]?.length ?? 0) : null;
}

/** Minor-unit digits of an ISO 4217 currency (GBP 2, JPY 0, BHD 3). */
function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
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
  .meta({ description: 'Major units of `currency` (12.5 = £12.50), at most the currency\'s decimals' });

/** A positive amount of money in major units of the event's `currency`. */
export const PositiveAmount = z
  .number()
  .positive()
  .max(1_000_000_000)
  .refine(plainDecimal(6), 'must be a plain decimal number in major units (e.g. 12.5)')
  .meta({ description: 'Major units of `currency` (12.5 = £12.50), at most the currency\'s decimals' });

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
