/**
 * The filters `<customer-search>` offers over `GET /customers` (R15): what each one is, how its
 * input is read, and how an active one is written on its chip.
 * @module
 */
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

export const SORT_LABEL: Record<CustomerSort, string> = {
  name: 'Name (A–Z)',
  id: 'Customer id',
  '-lifetimeValue': 'Lifetime value, highest first',
  lifetimeValue: 'Lifetime value, lowest first',
  '-lastPurchaseAt': 'Last purchase, most recent first',
  '-totalOrders': 'Most orders first',
};

export const SEGMENT_GROUP_LABEL: Record<SegmentKind, string> = { rfm: 'RFM segments', rule: 'Rule segments', manual: 'Manual segments' };

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

const NUMBER_RULE: Partial<Record<FilterKey, { integer: boolean; name: string }>> = {
  clvMin: { integer: false, name: 'Minimum CLV' },
  clvMax: { integer: false, name: 'Maximum CLV' },
  ordersMin: { integer: true, name: 'Minimum orders' },
  ordersMax: { integer: true, name: 'Maximum orders' },
};

/** What a number filter accepts, said to the user when an input is refused. */
export function numberHint(key: FilterKey): string | undefined {
  const rule = NUMBER_RULE[key];
  return rule && `${rule.name}: enter ${rule.integer ? 'a whole number' : 'an amount'}, 0 or more.`;
}

/**
 * Reads a control of the panel: `{ok: true, value}` (undefined = cleared) or `{ok: false}` when a
 * number input holds something the API would refuse (negative, fractional orders, not a number).
 */
export function parseFilterInput(key: FilterKey, input: HTMLInputElement | HTMLSelectElement): { ok: true; value: unknown } | { ok: false } {
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

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The text of an active filter's chip, e.g. "Tag: vip", "CLV ≥ 1,000", "Registered from 1 Mar 2011". */
export function chipLabel(key: FilterKey, value: unknown, f: Formatter, choices: FilterChoices | undefined): string {
  // Filter dates are calendar days: format them in UTC so no time zone moves them by a day.
  const day = (v: unknown) => new Intl.DateTimeFormat(f.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${String(v)}T00:00:00Z`));
  const n = (v: unknown) => f.number(Number(v), 2);
  switch (key) {
    case 'segment':
      return `Segment: ${choices?.segments.find((s) => s.id === value)?.name ?? String(value)}`;
    case 'tier':
      return `Tier: ${capitalise(String(value))}`;
    case 'tag':
      return `Tag: ${findTag(choices?.tags ?? [], String(value))?.name ?? String(value)}`;
    case 'country':
      return `Country: ${String(value)}`;
    case 'registeredFrom':
      return `Registered from ${day(value)}`;
    case 'registeredTo':
      return `Registered until ${day(value)}`;
    case 'lastPurchaseFrom':
      return `Last purchase from ${day(value)}`;
    case 'lastPurchaseTo':
      return `Last purchase until ${day(value)}`;
    case 'clvMin':
      return `CLV ≥ ${n(value)}`;
    case 'clvMax':
      return `CLV ≤ ${n(value)}`;
    case 'ordersMin':
      return `Orders ≥ ${n(value)}`;
    case 'ordersMax':
      return `Orders ≤ ${n(value)}`;
  }
}
