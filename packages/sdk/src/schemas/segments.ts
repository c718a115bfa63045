/**
 * Segments (R11): RFM segments (computed), rule segments (a criteria expression evaluated against
 * each customer's metrics, scores, tier, tags and profile) and manual segments (assigned by hand).
 *
 * The criteria language (docs/segments.md): a node is `{all:[node…]}`, `{any:[node…]}`,
 * `{not:node}` or a condition `{field, op, value}`. Validation errors name the path of the bad
 * part, e.g. `criteria.all.1.op`.
 * @module
 */
import { z } from 'zod';
import { Timestamp } from './common.js';
import { LoyaltyTier } from './events/index.js';
import { RfmSegmentName } from './scores.js';
import { SegmentMembership } from './customer.js';

/** What kind of value a field holds, which decides the operators and values it accepts. */
export type SegmentFieldKind = 'number' | 'rfmSegment' | 'tier' | 'tag' | 'text' | 'date';

/**
 * Every field a condition can test, with its kind and meaning. Money in major units of the
 * customer's currency; day counts whole days to the server's as-of date (SPEC §4).
 */
export const SEGMENT_FIELDS = {
  lifetimeValue: { kind: 'number', description: 'Sum of completed order totals (CLV)' },
  averageOrderValue: { kind: 'number', description: 'lifetimeValue / completedOrders (0 when none)' },
  totalOrders: { kind: 'number', description: 'Orders of any status' },
  completedOrders: { kind: 'number', description: 'Delivered/completed orders' },
  totalRefunded: { kind: 'number', description: 'Sum of refunds' },
  daysSinceLastPurchase: { kind: 'number', description: 'Whole days since the last completed order (missing without one)' },
  tenureDays: { kind: 'number', description: 'Whole days since registration' },
  purchaseFrequency: { kind: 'number', description: 'Completed orders per 30 days of tenure' },
  'rfm.r': { kind: 'number', description: 'RFM recency quintile 1–5 (missing without a completed order)' },
  'rfm.f': { kind: 'number', description: 'RFM frequency quintile 1–5' },
  'rfm.m': { kind: 'number', description: 'RFM monetary quintile 1–5' },
  rfmSegment: { kind: 'rfmSegment', description: 'RFM segment name, e.g. "Champions"' },
  healthScore: { kind: 'number', description: 'Health score 0–100' },
  churnScore: { kind: 'number', description: 'Churn risk score 0–100' },
  tier: { kind: 'tier', description: 'Loyalty tier bronze < silver < gold < platinum (missing when not enrolled)' },
  tag: { kind: 'tag', description: 'The customer’s tags, by name (case-insensitive) or id' },
  country: { kind: 'text', description: 'Country (case-insensitive)' },
  registeredAt: { kind: 'date', description: 'Registration time' },
  lastPurchaseAt: { kind: 'date', description: 'Placed time of the last completed order (missing without one)' },
} as const satisfies Record<string, { kind: SegmentFieldKind; description: string }>;

export type SegmentField = keyof typeof SEGMENT_FIELDS;
export const SegmentField = z.enum(Object.keys(SEGMENT_FIELDS) as [SegmentField, ...SegmentField[]]);

export const SegmentOperator = z.enum(['=', '!=', '>', '>=', '<', '<=', 'in', 'contains', 'before', 'after']);
export type SegmentOperator = z.infer<typeof SegmentOperator>;

/** The operators each kind of field accepts. */
export const SEGMENT_OPERATORS: Readonly<Record<SegmentFieldKind, readonly SegmentOperator[]>> = {
  number: ['=', '!=', '>', '>=', '<', '<=', 'in'],
  rfmSegment: ['=', '!=', 'in'],
  tier: ['=', '!=', '>', '>=', '<', '<=', 'in'],
  tag: ['=', '!=', 'in', 'contains'],
  text: ['=', '!=', 'in', 'contains'],
  date: ['before', 'after'],
};

/** Largest `in` list, `all`/`any` list, nesting depth and number of nodes of a criteria expression. */
export const SEGMENT_LIMITS = { inValues: 200, children: 50, depth: 8, nodes: 200 } as const;

/** A leaf of the criteria: `{field, op, value}`. */
export interface SegmentCondition {
  field: SegmentField;
  op: SegmentOperator;
  value: number | string | Array<number | string>;
}

/** A criteria expression: all of, any of, not, or a condition. */
export type SegmentCriteria = { all: SegmentCriteria[] } | { any: SegmentCriteria[] } | { not: SegmentCriteria } | SegmentCondition;

const Scalar = z.union([z.number(), z.string().max(200)]);
const Value = z.union([Scalar, z.array(Scalar).min(1).max(SEGMENT_LIMITS.inValues)]);
const DATE_VALUE = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Checks the value of a condition against its field and operator; issues go to `value` (or `op`). */
function checkCondition(c: { field: SegmentField; op: SegmentOperator; value: unknown }, ctx: z.RefinementCtx): void {
  const kind = SEGMENT_FIELDS[c.field].kind;
  const allowed = SEGMENT_OPERATORS[kind];
  if (!allowed.includes(c.op)) {
    ctx.addIssue({ code: 'custom', path: ['op'], message: `"${c.op}" does not apply to ${c.field}; use one of ${allowed.join(' ')}` });
    return;
  }
  const list = c.op === 'in';
  if (list !== Array.isArray(c.value)) {
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: list ? 'must be a non-empty list for "in"' : 'must be a single value (a list only with "in")',
    });
    return;
  }
  const values = (Array.isArray(c.value) ? c.value : [c.value]) as unknown[];
  values.forEach((v, i) => {
    const path = list ? ['value', i] : ['value'];
    const fail = (message: string) => ctx.addIssue({ code: 'custom', path, message });
    switch (kind) {
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) fail(`must be a number for ${c.field}`);
        break;
      case 'rfmSegment':
        if (!RfmSegmentName.safeParse(v).success) fail(`must be one of ${RfmSegmentName.options.join(', ')}`);
        break;
      case 'tier':
        if (!LoyaltyTier.safeParse(v).success) fail(`must be one of ${LoyaltyTier.options.join(', ')}`);
        break;
      case 'tag':
      case 'text':
        if (typeof v !== 'string' || v.trim() === '') fail(`must be a non-empty string for ${c.field}`);
        break;
      case 'date':
        if (!DATE_VALUE.safeParse(v).success) fail('must be an ISO date (YYYY-MM-DD) or timestamp');
        break;
    }
  });
}

/** A structural problem of a criteria expression: where (path below the criteria) and what. */
export interface CriteriaShapeIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Checks the structure of untrusted criteria JSON before any schema sees it, without recursion:
 * at most {@link SEGMENT_LIMITS}.depth nested nodes (`all`/`any`/`not`) and
 * {@link SEGMENT_LIMITS}.nodes nodes in all. Stops at the first violation, so its cost is bounded
 * by the limits, not by the input (a 1,100-deep `{"not": …}` is refused after 9 levels).
 * @returns the one issue found (path of the offending node), or undefined when the shape is within limits.
 */
export function criteriaShapeIssue(criteria: unknown): CriteriaShapeIssue | undefined {
  const stack: Array<{ node: unknown; depth: number; path: Array<string | number> }> = [{ node: criteria, depth: 1, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (!node || typeof node !== 'object' || Array.isArray(node)) continue; // not a node: the schema names it
    if (depth > SEGMENT_LIMITS.depth) return { path, message: `nests deeper than ${SEGMENT_LIMITS.depth} levels` };
    if (++nodes > SEGMENT_LIMITS.nodes) return { path, message: `criteria have more than ${SEGMENT_LIMITS.nodes} nodes` };
    const n = node as { all?: unknown; any?: unknown; not?: unknown };
    if (n.not !== undefined) stack.push({ node: n.not, depth: depth + 1, path: [...path, 'not'] });
    for (const key of ['all', 'any'] as const) {
      const kids = n[key];
      if (!Array.isArray(kids)) continue;
      // Only as many children as could still fit the node limit are looked at.
      const count = Math.min(kids.length, SEGMENT_LIMITS.nodes + 1 - nodes);
      for (let i = 0; i < count; i++) stack.push({ node: kids[i], depth: depth + 1, path: [...path, key, i] });
    }
  }
  return undefined;
}

const KEYS = ['all', 'any', 'not', 'field', 'op', 'value'] as const;
const formOf = (key: (typeof KEYS)[number]) => (key === 'field' || key === 'op' || key === 'value' ? 'condition' : key);

/**
 * One node of the criteria language. Modelled as one object whose keys decide the form (exactly
 * one of `all`, `any`, `not`, or `field`+`op`+`value`), so that every validation error carries
 * the path of the offending key (`all.1.op`) instead of a bare "no union member matched".
 */
const Node: z.ZodType<SegmentCriteria> = z.lazy(() =>
  z
    .object({
      all: z.array(Node).min(1).max(SEGMENT_LIMITS.children).optional(),
      any: z.array(Node).min(1).max(SEGMENT_LIMITS.children).optional(),
      not: Node.optional(),
      field: SegmentField.optional(),
      op: SegmentOperator.optional(),
      value: Value.optional(),
    })
    .strict()
    .superRefine((n, ctx) => {
      const keys = KEYS.filter((k) => n[k] !== undefined);
      const forms = [...new Set(keys.map(formOf))];
      if (forms.length === 0) {
        ctx.addIssue({ code: 'custom', path: [], message: 'must be {all:[…]}, {any:[…]}, {not:…} or {field, op, value}' });
        return;
      }
      if (forms.length > 1) {
        const extra = keys.find((k) => formOf(k) !== forms[0])!;
        ctx.addIssue({
          code: 'custom',
          path: [extra],
          message: `a node has exactly one form: {all}, {any}, {not} or {field, op, value}; found ${forms.join(' and ')}`,
        });
        return;
      }
      if (forms[0] === 'condition') {
        for (const key of ['field', 'op', 'value'] as const) {
          if (n[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in a condition {field, op, value}' });
        }
        if (n.field !== undefined && n.op !== undefined && n.value !== undefined)
          checkCondition({ field: n.field, op: n.op, value: n.value }, ctx);
      }
    })
    .meta({
      id: 'SegmentCriteria',
      description:
        'Exactly one of: `{all:[criteria…]}` (every one holds), `{any:[criteria…]}` (at least one holds), `{not:criteria}`, or a condition `{field, op, value}`. See docs/segments.md.',
      examples: [
        { all: [{ field: 'lifetimeValue', op: '>=', value: 1000 }, { not: { field: 'tag', op: 'contains', value: 'do-not-contact' } }] },
      ],
    }),
) as unknown as z.ZodType<SegmentCriteria>;

/**
 * A whole criteria expression: its shape is checked first ({@link criteriaShapeIssue}: at most
 * {@link SEGMENT_LIMITS}.depth levels and .nodes nodes), so the recursive schema never walks a
 * hostile structure.
 */
export const SegmentCriteria: z.ZodType<SegmentCriteria> = z.preprocess((value, ctx) => {
  const issue = criteriaShapeIssue(value);
  if (issue) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: value });
  return value;
}, Node) as unknown as z.ZodType<SegmentCriteria>;

export const SegmentKind = z.enum(['rfm', 'rule', 'manual']);
export type SegmentKind = z.infer<typeof SegmentKind>;

export const Segment = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: SegmentKind.meta({ description: '`rfm` and `rule` memberships are computed (automatic); `manual` ones are assigned by hand' }),
    criteria: SegmentCriteria.nullable().meta({ description: 'The rule (rfm: the RFM segment it stands for); null for manual segments' }),
    description: z.string().nullable(),
    createdAt: Timestamp,
    memberCount: z.number().int().nonnegative(),
  })
  .meta({ id: 'Segment' });
export type Segment = z.infer<typeof Segment>;

export const SegmentList = z
  .object({
    asOf: Timestamp.meta({ description: 'The clock rule and RFM memberships are evaluated at' }),
    segments: z.array(Segment).meta({ description: 'RFM segments (in RFM table order), then rule and manual segments by name' }),
  })
  .meta({ id: 'SegmentList' });
export type SegmentList = z.infer<typeof SegmentList>;

const SegmentName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

/** Body of POST /segments: rule segments need `criteria`, manual segments have none. */
export const NewSegment = z
  .object({
    name: SegmentName,
    kind: z.enum(['rule', 'manual']),
    criteria: SegmentCriteria.optional(),
    description: z.string().trim().max(500).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.kind === 'rule' && s.criteria === undefined)
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'is required for a rule segment' });
    if (s.kind === 'manual' && s.criteria !== undefined)
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'a manual segment has no criteria' });
  })
  .meta({ id: 'NewSegment' });
export type NewSegment = z.input<typeof NewSegment>;

/** Body of PATCH /segments/:id (rule and manual segments): what to change. */
export const SegmentUpdate = z
  .object({
    name: SegmentName.optional(),
    criteria: SegmentCriteria.optional().meta({ description: 'Rule segments only; memberships are recomputed' }),
    description: z.string().trim().max(500).nullable().optional(),
  })
  .strict()
  .meta({ id: 'SegmentUpdate' });
export type SegmentUpdate = z.input<typeof SegmentUpdate>;

/** Body of POST /customers/:id/segments. */
export const SegmentAssignment = z
  .object({
    segmentId: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters'),
  })
  .strict()
  .meta({ id: 'SegmentAssignment' });
export type SegmentAssignment = z.infer<typeof SegmentAssignment>;

/** The segments of one customer: its RFM segment, then rule and manual segments by name. */
export const CustomerSegments = z.object({ segments: z.array(SegmentMembership) }).meta({ id: 'CustomerSegments' });
export type CustomerSegments = z.infer<typeof CustomerSegments>;
