/**
 * What the demo enrichment does not create but the section reads and search filters need: tags on
 * some customers, notes on the sampled customers, two rule segments and a manual one — written
 * through the API (`POST` via `app.request()`), seeded, before any read is measured.
 * @module
 */
import type { Fetcher } from './http.js';
import { post } from './http.js';
import { prng, randomInt, sample } from './stats.js';

/** Tag name → share of all customers carrying it. */
export const FIXTURE_TAGS: ReadonlyArray<readonly [string, string, number]> = [
  ['vip', '#b45309', 0.05],
  ['wholesale', '#2563eb', 0.1],
  ['do-not-contact', '#dc2626', 0.02],
];

const RULES = [
  {
    name: 'High value at risk',
    criteria: {
      all: [
        { field: 'lifetimeValue', op: '>=', value: 1000 },
        {
          any: [
            { field: 'daysSinceLastPurchase', op: '>', value: 90 },
            { field: 'churnScore', op: '>=', value: 67 },
          ],
        },
        { not: { field: 'tag', op: 'contains', value: 'do-not-contact' } },
      ],
    },
  },
  { name: 'Gold and above', criteria: { field: 'tier', op: '>=', value: 'gold' } },
];

const NOTE_BODIES = [
  'Called about a late delivery; promised an update by Friday.',
  'Prefers invoices by email. Accounts payable contact changed in March.',
  'Asked for a wholesale price list; sent the autumn catalogue.',
  'Complained about packaging; offered 10 % off the next order.',
  'VIP: handle returns without the usual checks.',
];
const NOTE_TYPES = ['general', 'support', 'sales', 'billing'] as const;
const VISIBILITY = ['team', 'team', 'team', 'restricted', 'private'] as const;

export interface FixtureSummary {
  tags: number;
  tagAssignments: number;
  notes: number;
  ruleSegments: number;
  manualAssignments: number;
  seconds: number;
}

/**
 * @param all every customer id; `sampled` the customers whose reads are measured (they get 0–4 notes).
 */
export async function createFixtures(
  app: Fetcher,
  all: readonly string[],
  sampled: readonly string[],
  seed: number,
): Promise<FixtureSummary> {
  const started = performance.now();
  const rand = prng(seed ^ 0xf1c5);
  const summary: FixtureSummary = { tags: 0, tagAssignments: 0, notes: 0, ruleSegments: 0, manualAssignments: 0, seconds: 0 };
  const enc = encodeURIComponent;

  for (const [name, color, share] of FIXTURE_TAGS) {
    const tag = await post<{ id: string }>(app, '/api/tags', JSON.stringify({ name, color }), 201);
    summary.tags++;
    for (const id of sample(all, Math.max(1, Math.round(all.length * share)), rand)) {
      await post(app, `/api/customers/${enc(id)}/tags`, JSON.stringify({ tagId: tag.id }), 200);
      summary.tagAssignments++;
    }
  }
  for (const rule of RULES) {
    await post(app, '/api/segments', JSON.stringify({ name: rule.name, kind: 'rule', criteria: rule.criteria }), 201);
    summary.ruleSegments++;
  }
  const manual = await post<{ id: string }>(app, '/api/segments', JSON.stringify({ name: 'Key accounts', kind: 'manual' }), 201);
  for (const id of sample(all, Math.max(1, Math.round(all.length * 0.02)), rand)) {
    await post(app, `/api/customers/${enc(id)}/segments`, JSON.stringify({ segmentId: manual.id }), 200);
    summary.manualAssignments++;
  }
  for (const id of new Set(sampled)) {
    for (let k = randomInt(rand, 5); k > 0; k--) {
      const note = {
        body: NOTE_BODIES[randomInt(rand, NOTE_BODIES.length)],
        type: NOTE_TYPES[randomInt(rand, NOTE_TYPES.length)],
        visibility: VISIBILITY[randomInt(rand, VISIBILITY.length)],
      };
      await post(app, `/api/customers/${enc(id)}/notes`, JSON.stringify(note), 201);
      summary.notes++;
    }
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
