/**
 * Exact money arithmetic. Money is integer minor units (pence for GBP) with an ISO 4217 currency;
 * unit prices are integer millionths of the major unit ("micros") so that prices such as £0.001
 * stay exact. Rounding happens once per order, half away from zero (SPEC §4).
 * @module
 */

const MICROS_PER_MAJOR = 1_000_000;

const exponents = new Map<string, number>();

/** Minor-unit exponent of a currency (GBP 2, JPY 0, BHD 3), from Intl (memoised: hot in imports). */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

/**
 * Parses a plain decimal string (`"2.55"`, `"-0.001"`, `"38970"`) to integer micros, exactly.
 * Returns null when the text is not a decimal with at most 6 fraction digits.
 */
export function decimalToMicros(text: string): number | null {
  const match = /^([+-]?)(\d+)(?:\.(\d{1,6}))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const micros = Number(whole) * MICROS_PER_MAJOR + Number(fraction.padEnd(6, '0'));
  if (!Number.isSafeInteger(micros)) return null;
  return sign === '-' ? -micros : micros;
}

/** Integer division rounding half away from zero (`divisor` > 0). */
export function divRoundHalfAwayFromZero(value: number, divisor: number): number {
  const q = Math.trunc(value / divisor);
  const r = value - q * divisor;
  if (2 * Math.abs(r) >= divisor) return q + Math.sign(value);
  return q;
}

/** Converts a micros amount to minor units of `currency`, rounding half away from zero. */
export function microsToMinor(micros: number, currency: string): number {
  return divRoundHalfAwayFromZero(micros, 10 ** (6 - currencyExponent(currency)));
}

/**
 * Order total in minor units: Σ quantity × unit price, computed exactly, rounded once (half away
 * from zero), plus shipping (already minor units).
 */
export function orderTotalMinor(
  lines: ReadonlyArray<{ quantity: number; unitPriceMicros: number }>,
  currency: string,
  shippingMinor = 0,
): number {
  let micros = 0;
  for (const line of lines) micros += line.quantity * line.unitPriceMicros;
  return microsToMinor(micros, currency) + shippingMinor;
}

/** Minor units to the API's major-unit number (1234 GBP → 12.34). */
export function minorToMajor(minor: number, currency: string): number {
  const exponent = currencyExponent(currency);
  return Number((minor / 10 ** exponent).toFixed(exponent));
}
