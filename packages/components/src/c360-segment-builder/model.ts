/**
 * The segment builder's model: criteria (docs/segments.md) as an editable tree of groups and rows,
 * and back. A group is "all of" or "any of" its children, optionally negated (`{not:{all:[…]}}`);
 * a row is one condition whose value is kept as the text the person typed until it is built.
 *
 * The field kinds, operators, RFM segment names and tiers repeat the SDK's tables (SEGMENT_FIELDS,
 * SEGMENT_OPERATORS, RfmSegmentName, LoyaltyTier) as plain data, so the element does not load zod;
 * the types pin the keys and the element's test checks the values against the SDK.
 * @module
 */
import { msg, str } from '@lit/localize';
import type {
  LoyaltyTier,
  RfmSegmentName,
  SegmentCondition,
  SegmentCriteria,
  SegmentField,
  SegmentFieldKind,
  SegmentOperator,
} from '@c360/sdk';
import { fieldLabel } from '../customer-segments/criteria.js';

/** The kind of each field (the SDK's SEGMENT_FIELDS), in the order the field select lists them. */
export const FIELD_KINDS: Readonly<Record<SegmentField, SegmentFieldKind>> = {
  country: 'text',
  lifetimeValue: 'number',
  averageOrderValue: 'number',
  totalOrders: 'number',
  completedOrders: 'number',
  totalRefunded: 'number',
  daysSinceLastPurchase: 'number',
  tenureDays: 'number',
  purchaseFrequency: 'number',
  'rfm.r': 'number',
  'rfm.f': 'number',
  'rfm.m': 'number',
  rfmSegment: 'rfmSegment',
  healthScore: 'number',
  churnScore: 'number',
  tier: 'tier',
  tag: 'tag',
  registeredAt: 'date',
  lastPurchaseAt: 'date',
};

/** Amounts of money (major units of each customer's own currency). */
export const MONEY_FIELDS: ReadonlySet<SegmentField> = new Set(['lifetimeValue', 'averageOrderValue', 'totalRefunded']);

/** The operators each kind accepts (the SDK's SEGMENT_OPERATORS). */
export const KIND_OPERATORS: Readonly<Record<SegmentFieldKind, readonly SegmentOperator[]>> = {
  number: ['=', '!=', '>', '>=', '<', '<=', 'in'],
  rfmSegment: ['=', '!=', 'in'],
  tier: ['=', '!=', '>', '>=', '<', '<=', 'in'],
  tag: ['=', '!=', 'in', 'contains'],
  text: ['=', '!=', 'in', 'contains'],
  date: ['before', 'after'],
};

/** RFM segment names (the SDK's RfmSegmentName). */
export const RFM_SEGMENTS: readonly RfmSegmentName[] = [
  'Champions',
  'Loyal',
  'Potential Loyalist',
  'New',
  'Promising',
  'Need Attention',
  'About to Sleep',
  'At Risk',
  'Cannot Lose Them',
  'Hibernating',
  'Lost',
];

/** Loyalty tiers, lowest first (the SDK's LoyaltyTier). */
export const TIERS: readonly LoyaltyTier[] = ['bronze', 'silver', 'gold', 'platinum'];

/** One condition being edited; `value` is the typed text (a list: comma-separated, or the chosen options). */
export interface Row {
  type: 'row';
  key: number;
  field: SegmentField;
  op: SegmentOperator;
  value: string;
}

/** A group of conditions: all of them (`all`) or any of them (`any`), negated when `not`. */
export interface Group {
  type: 'group';
  key: number;
  join: 'all' | 'any';
  not: boolean;
  children: Array<Row | Group>;
}

/** A row's (or an empty group's) problem: its key and what is wrong, in words naming the row ("Condition 2 (Country): …"). */
export interface RowIssue {
  key: number;
  message: string;
}

let nextKey = 1;
/** A fresh key for a row or group (keys stay unique for the page's life). */
export const newKey = (): number => nextKey++;

/** A new row: `field` with its kind's first operator and an empty value. */
export function newRow(field: SegmentField = 'country'): Row {
  return { type: 'row', key: newKey(), field, op: KIND_OPERATORS[FIELD_KINDS[field]][0]!, value: '' };
}

/** A new group holding one new row. */
export function newGroup(join: Group['join'] = 'all'): Group {
  return { type: 'group', key: newKey(), join, not: false, children: [newRow()] };
}

const valueText = (v: SegmentCondition['value']): string => (Array.isArray(v) ? v.map(String).join(', ') : String(v));

/** Criteria as the builder's tree; the root is always a group (a lone condition becomes "all of" it). */
export function toTree(criteria: SegmentCriteria | undefined | null): Group {
  if (!criteria) return newGroup();
  const node = toNode(criteria);
  return node.type === 'group' ? node : { type: 'group', key: newKey(), join: 'all', not: false, children: [node] };
}

function toNode(c: SegmentCriteria): Row | Group {
  if ('all' in c) return { type: 'group', key: newKey(), join: 'all', not: false, children: c.all.map(toNode) };
  if ('any' in c) return { type: 'group', key: newKey(), join: 'any', not: false, children: c.any.map(toNode) };
  if ('not' in c) {
    const inner = toNode(c.not);
    if (inner.type === 'group' && !inner.not) return { ...inner, not: true };
    return { type: 'group', key: newKey(), join: 'all', not: true, children: [inner] };
  }
  return { type: 'row', key: newKey(), field: c.field, op: c.op, value: valueText(c.value) };
}

/** Every row in reading order (depth first), for numbering ("Condition 2"). */
export function rowsOf(group: Group): Row[] {
  return group.children.flatMap((c) => (c.type === 'row' ? [c] : rowsOf(c)));
}

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The value of a row for the API, or a message saying what is wrong (in words, without the row's name). */
export function rowValue(row: Row): { value: SegmentCondition['value'] } | { problem: string } {
  const kind = FIELD_KINDS[row.field];
  const parts = row.op === 'in' ? splitList(row.value) : [row.value.trim()];
  if (parts.length === 0 || parts[0] === '')
    return { problem: row.op === 'in' ? msg('choose or type at least one value') : msg('enter a value') };
  const values: Array<string | number> = [];
  for (const part of parts) {
    switch (kind) {
      case 'number': {
        const n = Number(part);
        if (!Number.isFinite(n)) return { problem: msg(str`“${part}” is not a number`) };
        values.push(n);
        break;
      }
      case 'rfmSegment':
        if (!(RFM_SEGMENTS as readonly string[]).includes(part)) return { problem: msg(str`“${part}” is not an RFM segment`) };
        values.push(part);
        break;
      case 'tier':
        if (!(TIERS as readonly string[]).includes(part)) return { problem: msg(str`“${part}” is not a loyalty tier`) };
        values.push(part);
        break;
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(part) || Number.isNaN(Date.parse(`${part}T00:00:00Z`)))
          return { problem: msg('enter a date (YYYY-MM-DD)') };
        values.push(part);
        break;
      default:
        values.push(part);
    }
  }
  return { value: row.op === 'in' ? values : values[0]! };
}

/** What {@link build} answers: the criteria (when every row is valid), the issues, and which row each API path names. */
export interface Built {
  criteria?: SegmentCriteria;
  issues: RowIssue[];
  /** `criteria.all.1` (the API's path below `body.`) → row key. */
  paths: Map<string, number>;
}

/** The criteria of the tree; rows with a problem are listed in `issues` and `criteria` is then undefined. */
export function build(root: Group): Built {
  const issues: RowIssue[] = [];
  const paths = new Map<string, number>();
  const numbers = new Map(rowsOf(root).map((r, i) => [r.key, i + 1]));
  const visit = (node: Row | Group, path: string): SegmentCriteria | undefined => {
    if (node.type === 'row') {
      paths.set(path, node.key);
      const v = rowValue(node);
      if ('problem' in v) {
        const n = numbers.get(node.key)!;
        const field = fieldLabel(node.field);
        const problem = v.problem;
        issues.push({ key: node.key, message: msg(str`Condition ${n} (${field}): ${problem}`) });
        return undefined;
      }
      return { field: node.field, op: node.op, value: v.value };
    }
    if (node.children.length === 0) {
      issues.push({ key: node.key, message: msg('A group needs at least one condition') });
      return undefined;
    }
    const inner = node.not ? `${path}.not` : path;
    const children = node.children.map((c, i) => visit(c, `${inner}.${node.join}.${i}`));
    const group = node.join === 'all' ? { all: children as SegmentCriteria[] } : { any: children as SegmentCriteria[] };
    return node.not ? { not: group } : group;
  };
  const criteria = visit(root, 'criteria');
  return { ...(issues.length ? {} : { criteria }), issues, paths };
}

/** The row an API error path names (`body.criteria.all.1.value` → the row at `criteria.all.1`), if any. */
export function rowOfPath(paths: Map<string, number>, field: string): number | undefined {
  const parts = field.replace(/^body\./, '').split('.');
  for (let end = parts.length; end > 0; end--) {
    const key = paths.get(parts.slice(0, end).join('.'));
    if (key !== undefined) return key;
  }
  return undefined;
}

/** Removes the node with `key` from the tree (groups left empty go too, except the root); returns whether it was found. */
export function removeNode(group: Group, key: number): boolean {
  const i = group.children.findIndex((c) => c.key === key);
  if (i >= 0) {
    group.children.splice(i, 1);
    return true;
  }
  for (const child of group.children) {
    if (child.type === 'group' && removeNode(child, key)) {
      if (child.children.length === 0) group.children.splice(group.children.indexOf(child), 1);
      return true;
    }
  }
  return false;
}

/** The API's field messages sorted out: by row key (named "Condition n: …"), for the name, and the rest. */
export interface ApiIssues {
  rows: Map<number, string>;
  name?: string;
  rest: string[];
}

/** Puts each of the API's field errors (`body.criteria.all.1.value`, `body.name`) on what it names in the tree. */
export function apiIssues(root: Group, errors: ReadonlyArray<{ field: string; message: string }>): ApiIssues {
  const { paths } = build(root);
  const numbers = new Map(rowsOf(root).map((r, i) => [r.key, i + 1]));
  const out: ApiIssues = { rows: new Map(), rest: [] };
  for (const e of errors) {
    const key = e.field.startsWith('body.criteria') ? rowOfPath(paths, e.field) : undefined;
    const n = key === undefined ? undefined : numbers.get(key);
    const message = e.message;
    if (key !== undefined && n !== undefined) out.rows.set(key, msg(str`Condition ${n}: ${message}`));
    else if (e.field === 'body.name') out.name = message;
    else out.rest.push(`${e.field.replace(/^body\./, '')}: ${message}`);
  }
  return out;
}
