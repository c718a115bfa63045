/**
 * Segment criteria (docs/segments.md) in words: `{all:[{field:'daysSinceLastPurchase', op:'>',
 * value:180}, {field:'lifetimeValue', op:'>=', value:500}]}` → "Days since last purchase > 180 and
 * Lifetime value ≥ 500".
 * @module
 */
import type { SegmentCondition, SegmentCriteria, SegmentField, SegmentOperator } from '@c360/sdk';

/** Each criteria field as a person names it. */
export const FIELD_LABEL: Record<SegmentField, string> = {
  lifetimeValue: 'Lifetime value',
  averageOrderValue: 'Average order value',
  totalOrders: 'Total orders',
  completedOrders: 'Completed orders',
  totalRefunded: 'Total refunded',
  daysSinceLastPurchase: 'Days since last purchase',
  tenureDays: 'Days since registration',
  purchaseFrequency: 'Purchase frequency',
  'rfm.r': 'RFM recency',
  'rfm.f': 'RFM frequency',
  'rfm.m': 'RFM monetary',
  rfmSegment: 'RFM segment',
  healthScore: 'Health score',
  churnScore: 'Churn risk score',
  tier: 'Loyalty tier',
  tag: 'Tag',
  country: 'Country',
  registeredAt: 'Registered',
  lastPurchaseAt: 'Last purchase',
};

const OP_SYMBOL: Partial<Record<SegmentOperator, string>> = { '=': '=', '!=': '≠', '>': '>', '>=': '≥', '<': '<', '<=': '≤' };
const TIER_LABEL: Record<string, string> = { bronze: 'Bronze', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' };

function list(values: string[], locale: string | undefined, type: 'conjunction' | 'disjunction'): string {
  return new Intl.ListFormat(locale, { style: 'long', type }).format(values);
}

function value(field: SegmentField, v: number | string, locale: string | undefined): string {
  if (typeof v === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v);
  switch (field) {
    case 'tier':
      return TIER_LABEL[v] ?? v;
    case 'rfmSegment':
      return v;
    case 'registeredAt':
    case 'lastPurchaseAt': {
      const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
      return Number.isNaN(date.getTime()) ? v : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
    }
    default:
      return `“${v}”`;
  }
}

function condition(c: SegmentCondition, locale: string | undefined): string {
  const label = FIELD_LABEL[c.field] ?? c.field;
  const values = (Array.isArray(c.value) ? c.value : [c.value]).map((v) => value(c.field, v, locale));
  if (c.field === 'tag') {
    if (c.op === '!=') return `Does not have the tag ${values[0]}`;
    return c.op === 'in' ? `Has the tag ${list(values, locale, 'disjunction')}` : `Has the tag ${values[0]}`;
  }
  switch (c.op) {
    case 'in':
      return `${label} is ${list(values, locale, 'disjunction')}`;
    case 'contains':
      return `${label} contains ${values[0]}`;
    case 'before':
    case 'after':
      return `${label} ${c.op} ${values[0]}`;
    default:
      return `${label} ${OP_SYMBOL[c.op] ?? c.op} ${values[0]}`;
  }
}

/**
 * A criteria expression in words: conditions joined with "and" / "or", negations as "not (…)",
 * nested groups in parentheses. Numbers and dates in `locale` (dates of the criteria are UTC).
 */
export function describeCriteria(node: SegmentCriteria, locale?: string): string {
  const nested = (child: SegmentCriteria) => {
    const text = describeCriteria(child, locale);
    const group = ('all' in child && child.all.length > 1) || ('any' in child && child.any.length > 1);
    return group ? `(${text})` : text;
  };
  if ('all' in node) return node.all.map(nested).join(' and ');
  if ('any' in node) return node.any.map(nested).join(' or ');
  if ('not' in node) {
    const inner = node.not;
    if ('field' in inner && inner.field === 'tag' && inner.op !== '!=' && inner.op !== 'in') return condition({ ...inner, op: '!=' }, locale);
    return `not (${describeCriteria(inner, locale)})`;
  }
  return condition(node, locale);
}
