/**
 * The filters `<customer-search>` offers over `GET /customers` (R15): what each one is, how its
 * input is read, and how an active one is written on its chip.
 * @module
 */
import { msg, str } from '@lit/localize';
import type { CustomerSort, LoyaltyTier, Segment, SegmentKind, TagSummary } from '@c360/sdk';
import type { Formatter } from '../base/format.js';

/** Every filter of the search; all combine (AND). Money in major units, dates `YYYY-MM-DD` (inclusive). */
export interface CustomerSearchFilters {
  /** Segment id from `GET /segments` (`rfm:champions`, a rule or manual segment). */
  segment?: string;
  /** Loyalty tier. */
  tier?: LoyaltyTier;
  /** Tag id, or tag name (case-insensitive). */
  tag?: string;
  /** Country, exactly as stored (`United Kingdom`). */
  country?: string;
  registeredFrom?: string;
  registeredTo?: string;
  lastPurchaseFrom?: string;
  lastPurchaseTo?: string;
  clvMin?: number;
  clvMax?: number;
  ordersMin?: number;
  ordersMax?: number;
}

export type FilterKey = keyof CustomerSearchFilters;

/** The filters in the order of the panel and of the chips. */
export const FILTER_KEYS = [
  'segment',
  'tier',
  'tag',
  'country',
  'registeredFrom',
  'registeredTo',
  'lastPurchaseFrom',
  'lastPurchaseTo',
  'clvMin',
  'clvMax',
  'ordersMin',
  'ordersMax',
] as const satisfies readonly FilterKey[];

export const TIERS: readonly LoyaltyTier[] = ['bronze', 'silver', 'gold', 'platinum'];

/** A loyalty tier's name in the current locale (an unknown tier capitalised). */
export function tierLabel(tier: string): string {
  const labels: Record<string, string> = { bronze: msg('Bronze'), silver: msg('Silver'), gold: msg('Gold'), platinum: msg('Platinum') };
  return labels[tier] ?? tier.charAt(0).toUpperCase() + tier.slice(1);
}

/** The sort orders, in the order of the select, with their labels in the current locale. */
export function sortLabels(): Record<CustomerSort, string> {
  return {
    name: msg('Name (A–Z)'),
    id: msg('Customer id'),
    '-lifetimeValue': msg('Lifetime value, highest first'),
    lifetimeValue: msg('Lifetime value, lowest first'),
    '-lastPurchaseAt': msg('Last purchase, most recent first'),
    '-totalOrders': msg('Most orders first'),
    '-healthScore': msg('Health score, highest first'),
    healthScore: msg('Health score, lowest first'),
    '-churnRisk': msg('Churn risk, highest first'),
    churnRisk: msg('Churn risk, lowest first'),
  };
}

/** The heading of a group of segments in the select, in the current locale. */
export function segmentGroupLabel(kind: SegmentKind): string {
  const labels: Record<SegmentKind, string> = { rfm: msg('RFM segments'), rule: msg('Rule segments'), manual: msg('Manual segments') };
  return labels[kind];
}

/** Converter of an optional string filter attribute: absent or blank reads as `undefined`. */
export const optionalString = { fromAttribute: (v: string | null) => v?.trim() || undefined };
/** Converter of an optional number filter attribute: absent, blank or not a number reads as `undefined`. */
export const optionalNumber = {
  fromAttribute: (v: string | null) => {
    const n = v === null || v.trim() === '' ? NaN : Number(v);
    return Number.isFinite(n) ? n : undefined;
  },
};

/** Whether a filter value counts as set (attributes removed give `null`, empty inputs `''`). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(typeof value === 'number' && !Number.isFinite(value));
}

/** Only the filters that are set, in {@link FILTER_KEYS} order (a stable key for the search task). */
export function activeFilters(source: CustomerSearchFilters): CustomerSearchFilters {
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) if (isSet(source[key])) out[key] = source[key];
  return out as CustomerSearchFilters;
}

/** The number filters: whether each takes whole numbers only. */
const NUMBER_RULE: Partial<Record<FilterKey, { integer: boolean }>> = {
  clvMin: { integer: false },
  clvMax: { integer: false },
  ordersMin: { integer: true },
  ordersMax: { integer: true },
};

/** What a number filter accepts, said to the user when an input is refused (in the current locale). */
export function numberHint(key: FilterKey): string | undefined {
  switch (key) {
    case 'clvMin':
      return msg('Minimum CLV: enter an amount, 0 or more.');
    case 'clvMax':
      return msg('Maximum CLV: enter an amount, 0 or more.');
    case 'ordersMin':
      return msg('Minimum orders: enter a whole number, 0 or more.');
    case 'ordersMax':
      return msg('Maximum orders: enter a whole number, 0 or more.');
    default:
      return undefined;
  }
}

/**
 * Reads a control of the panel: `{ok: true, value}` (undefined = cleared) or `{ok: false}` when a
 * number input holds something the API would refuse (negative, fractional orders, not a number).
 */
export function parseFilterInput(
  key: FilterKey,
  input: HTMLInputElement | HTMLSelectElement,
): { ok: true; value: unknown } | { ok: false } {
  const raw = input.value.trim();
  const rule = NUMBER_RULE[key];
  if (rule) {
    if (input instanceof HTMLInputElement && input.validity.badInput) return { ok: false };
    if (raw === '') return { ok: true, value: undefined };
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || (rule.integer && !Number.isInteger(n))) return { ok: false };
    return { ok: true, value: n };
  }
  return { ok: true, value: raw === '' ? undefined : raw };
}

/** Lists the panel offers as choices (from `GET /segments` and `GET /tags`). */
export interface FilterChoices {
  segments: Segment[];
  tags: TagSummary[];
}

/** The tag of the list that a filter value (id or name, any case) designates. */
export function findTag(tags: readonly TagSummary[], value: string | undefined): TagSummary | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  return tags.find((t) => t.id === value) ?? tags.find((t) => t.name.toLowerCase() === lower);
}

/** The text of an active filter's chip, e.g. "Tag: vip", "CLV ≥ 1,000", "Registered from 1 Mar 2011". */
export function chipLabel(key: FilterKey, value: unknown, f: Formatter, choices: FilterChoices | undefined): string {
  // Filter dates are calendar days: format them in UTC so no time zone moves them by a day.
  const day = (v: unknown) =>
    new Intl.DateTimeFormat(f.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${String(v)}T00:00:00Z`));
  const n = (v: unknown) => f.number(Number(v), 2);
  switch (key) {
    case 'segment':
      return msg(str`Segment: ${choices?.segments.find((s) => s.id === value)?.name ?? String(value)}`);
    case 'tier':
      return msg(str`Tier: ${tierLabel(String(value))}`);
    case 'tag':
      return msg(str`Tag: ${findTag(choices?.tags ?? [], String(value))?.name ?? String(value)}`);
    case 'country':
      return msg(str`Country: ${String(value)}`);
    case 'registeredFrom':
      return msg(str`Registered from ${day(value)}`);
    case 'registeredTo':
      return msg(str`Registered until ${day(value)}`);
    case 'lastPurchaseFrom':
      return msg(str`Last purchase from ${day(value)}`);
    case 'lastPurchaseTo':
      return msg(str`Last purchase until ${day(value)}`);
    case 'clvMin':
      return msg(str`CLV ≥ ${n(value)}`);
    case 'clvMax':
      return msg(str`CLV ≤ ${n(value)}`);
    case 'ordersMin':
      return msg(str`Orders ≥ ${n(value)}`);
    case 'ordersMax':
      return msg(str`Orders ≤ ${n(value)}`);
  }
}
