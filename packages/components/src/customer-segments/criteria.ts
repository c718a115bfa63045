/**
 * Segment criteria (docs/segments.md) in words: `{all:[{field:'daysSinceLastPurchase', op:'>',
 * value:180}, {field:'lifetimeValue', op:'>=', value:500}]}` → "Days since last purchase > 180 and
 * Lifetime value ≥ 500".
 * @module
 */
import { msg, str } from '@lit/localize';
import type { SegmentCondition, SegmentCriteria, SegmentField, SegmentOperator } from '@c360/sdk';

/** A criteria field as a person names it, in the current locale. */
export function fieldLabel(field: SegmentField): string {
  const labels: Record<SegmentField, string> = {
    lifetimeValue: msg('Lifetime value'),
    averageOrderValue: msg('Average order value'),
    totalOrders: msg('Total orders'),
    completedOrders: msg('Completed orders'),
    totalRefunded: msg('Total refunded'),
    daysSinceLastPurchase: msg('Days since last purchase'),
    tenureDays: msg('Days since registration'),
    purchaseFrequency: msg('Purchase frequency'),
    'rfm.r': msg('RFM recency'),
    'rfm.f': msg('RFM frequency'),
    'rfm.m': msg('RFM monetary'),
    rfmSegment: msg('RFM segment'),
    healthScore: msg('Health score'),
    churnScore: msg('Churn risk score'),
    tier: msg('Loyalty tier'),
    tag: msg('Tag'),
    country: msg('Country'),
    registeredAt: msg('Registered'),
    lastPurchaseAt: msg('Last purchase'),
  };
  return labels[field] ?? field;
}

const OP_SYMBOL: Partial<Record<SegmentOperator, string>> = { '=': '=', '!=': '≠', '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

/** A loyalty tier's name in the current locale; an unknown tier as is. */
function tierLabel(tier: string): string {
  const labels: Record<string, string> = { bronze: msg('Bronze'), silver: msg('Silver'), gold: msg('Gold'), platinum: msg('Platinum') };
  return labels[tier] ?? tier;
}

function list(values: string[], locale: string | undefined, type: 'conjunction' | 'disjunction'): string {
  return new Intl.ListFormat(locale, { style: 'long', type }).format(values);
}

function value(field: SegmentField, v: number | string, locale: string | undefined): string {
  if (typeof v === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v);
  switch (field) {
    case 'tier':
      return tierLabel(v);
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
  const label = fieldLabel(c.field);
  const values = (Array.isArray(c.value) ? c.value : [c.value]).map((v) => value(c.field, v, locale));
  const first = values[0];
  if (c.field === 'tag') {
    if (c.op === '!=') return msg(str`Does not have the tag ${first}`);
    const tags = c.op === 'in' ? list(values, locale, 'disjunction') : first;
    return msg(str`Has the tag ${tags}`);
  }
  switch (c.op) {
    case 'in': {
      const options = list(values, locale, 'disjunction');
      return msg(str`${label} is ${options}`);
    }
    case 'contains':
      return msg(str`${label} contains ${first}`);
    case 'before':
      return msg(str`${label} before ${first}`);
    case 'after':
      return msg(str`${label} after ${first}`);
    default: {
      const op = OP_SYMBOL[c.op] ?? c.op;
      return msg(str`${label} ${op} ${first}`, {
        id: 'c360-criteria-comparison',
        desc: 'A comparison in segment criteria: field, operator symbol (=, ≠, >, ≥, <, ≤), value.',
      });
    }
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
  if ('all' in node)
    return node.all.map(nested).join(msg(' and ', { desc: 'Joins the conditions of segment criteria that must all hold.' }));
  if ('any' in node)
    return node.any.map(nested).join(msg(' or ', { desc: 'Joins the conditions of segment criteria of which one must hold.' }));
  if ('not' in node) {
    const inner = node.not;
    if ('field' in inner && inner.field === 'tag' && inner.op !== '!=' && inner.op !== 'in')
      return condition({ ...inner, op: '!=' }, locale);
    const negated = describeCriteria(inner, locale);
    return msg(str`not (${negated})`);
  }
  return condition(node, locale);
}
