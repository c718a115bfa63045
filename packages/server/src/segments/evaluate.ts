/**
 * Evaluation of the segment criteria language (docs/segments.md) against one customer's facts.
 * Pure: the facts are computed beforehand (segments/facts.ts) with the same scoring functions as
 * the 360 view, so a rule can never disagree with what the 360 shows.
 *
 * Semantics: a condition on a value the customer does not have (no completed order → no
 * daysSinceLastPurchase, lastPurchaseAt, rfm.*, rfmSegment; not enrolled → no tier; no country) is
 * false, except `!=`, which is always the negation of `=`. Text comparisons ignore case.
 * Dates: `before D` is earlier than D; `after D` is later than D — for a date-only D (`YYYY-MM-DD`),
 * later than the end of that day.
 * @module
 */
import { SEGMENT_FIELDS, type Rfm, type SegmentCondition, type SegmentCriteria, type SegmentField } from '@c360/sdk';
import { parseIsoUtc, MS_PER_DAY } from '../scoring/clock.js';

/** Everything a criteria expression can read about one customer. */
export interface CustomerFacts {
  id: string;
  country: string | null;
  /** Registration, epoch ms. */
  registeredAt: number;
  lifetimeValue: number;
  averageOrderValue: number;
  totalOrders: number;
  completedOrders: number;
  totalRefunded: number;
  daysSinceLastPurchase: number | null;
  tenureDays: number;
  purchaseFrequency: number;
  /** Last completed order, epoch ms. */
  lastPurchaseAt: number | null;
  rfm: Rfm | null;
  /** Loaded only when a criteria reads it (see {@link FactNeeds}). */
  tier?: string | null;
  /** Tag ids and tag names lower-cased like SQL `lower()` (Unicode, on both engines: see db/dialects/). */
  tags?: ReadonlySet<string>;
  healthScore?: number;
  churnScore?: number;
}

/** Which optional facts a set of criteria reads, so loaders fetch only those. */
export interface FactNeeds {
  tier: boolean;
  tags: boolean;
  rfm: boolean;
  health: boolean;
  churn: boolean;
}

/** Every condition of an expression, depth first. */
export function conditionsOf(criteria: SegmentCriteria): SegmentCondition[] {
  if ('all' in criteria) return criteria.all.flatMap(conditionsOf);
  if ('any' in criteria) return criteria.any.flatMap(conditionsOf);
  if ('not' in criteria) return conditionsOf(criteria.not);
  return [criteria];
}

/** The optional facts the given criteria need. */
export function needsOf(criteria: readonly SegmentCriteria[]): FactNeeds {
  const fields = new Set<SegmentField>(criteria.flatMap(conditionsOf).map((c) => c.field));
  const health = fields.has('healthScore');
  return {
    tier: fields.has('tier'),
    tags: fields.has('tag'),
    // Health's purchase factor reads RFM.
    rfm: health || fields.has('rfm.r') || fields.has('rfm.f') || fields.has('rfm.m') || fields.has('rfmSegment'),
    health,
    churn: fields.has('churnScore'),
  };
}

type Value = number | string | null;

function valueOf(f: CustomerFacts, field: Exclude<SegmentField, 'tag'>): Value {
  switch (field) {
    case 'rfm.r':
      return f.rfm?.r ?? null;
    case 'rfm.f':
      return f.rfm?.f ?? null;
    case 'rfm.m':
      return f.rfm?.m ?? null;
    case 'rfmSegment':
      return f.rfm?.segment ?? null;
    case 'tier':
      return f.tier ?? null;
    case 'healthScore':
      return f.healthScore ?? null;
    case 'churnScore':
      return f.churnScore ?? null;
    default:
      return f[field];
  }
}

/** Lower-cases like SQL `lower()` does on both engines (Unicode; tag-name uniqueness and filters use it). */
export const sqlLower = (text: string): string => text.toLowerCase();

const TIER_RANK: Readonly<Record<string, number>> = { bronze: 1, silver: 2, gold: 3, platinum: 4 };

/** A date value as the bound of `before` (its start) or `after` (the end of a date-only day). */
function dateBound(value: string, op: 'before' | 'after'): number {
  const ms = parseIsoUtc(value);
  if (ms === null) return Number.NaN; // validation rejects these; NaN compares false
  return op === 'after' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? ms + MS_PER_DAY - 1 : ms;
}

function compare(actual: number, op: string, expected: number): boolean {
  switch (op) {
    case '=':
      return actual === expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    default:
      return false;
  }
}

/** Does the condition hold for the customer? */
export function holds(c: SegmentCondition, f: CustomerFacts): boolean {
  if (c.op === '!=') return !holds({ ...c, op: '=' }, f);
  const list = Array.isArray(c.value) ? c.value : [c.value];

  if (c.field === 'tag') {
    const tags = f.tags ?? new Set<string>();
    const has = (v: string | number) => tags.has(String(v)) || tags.has(sqlLower(String(v)));
    return list.some(has); // `=`, `contains` (one value) and `in` (any of)
  }

  const actual = valueOf(f, c.field);
  if (actual === null) return false;
  const kind = SEGMENT_FIELDS[c.field].kind;

  switch (kind) {
    case 'number':
      return c.op === 'in' ? list.some((v) => actual === v) : compare(actual as number, c.op, c.value as number);
    case 'tier': {
      const rank = TIER_RANK[actual as string] ?? 0;
      return c.op === 'in' ? list.includes(actual as string) : compare(rank, c.op, TIER_RANK[c.value as string] ?? Number.NaN);
    }
    case 'rfmSegment':
      return list.includes(actual as string);
    case 'text': {
      const text = String(actual).toLowerCase();
      if (c.op === 'contains') return text.includes(String(c.value).toLowerCase());
      return list.some((v) => text === String(v).toLowerCase());
    }
    case 'date': {
      const op = c.op as 'before' | 'after';
      const bound = dateBound(String(c.value), op);
      return op === 'before' ? (actual as number) < bound : (actual as number) > bound;
    }
    default:
      return false;
  }
}

/** Does the whole expression hold for the customer? */
export function matches(criteria: SegmentCriteria, f: CustomerFacts): boolean {
  if ('all' in criteria) return criteria.all.every((c) => matches(c, f));
  if ('any' in criteria) return criteria.any.some((c) => matches(c, f));
  if ('not' in criteria) return !matches(criteria.not, f);
  return holds(criteria, f);
}
