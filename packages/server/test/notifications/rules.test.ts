/**
 * The score rules (notifications/rules.ts) as properties over every pair of recorded scores:
 * `health.drop` fires exactly when health fell by the configured points or to a lower level,
 * `churn.high` exactly when the level became high; the trigger names its score history row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreTriggers } from '../../src/notifications/rules.js';
import { healthLevel } from '../../src/scoring/health.js';
import { churnLevel } from '../../src/scoring/churn.js';

const RANK: Record<string, number> = { poor: 0, fair: 1, good: 2, excellent: 3 };
const score = fc.integer({ min: 0, max: 100 });

describe('score notification rules', () => {
  it('health.drop iff the score fell by at least the threshold or to a lower level', () => {
    fc.assert(
      fc.property(score, score, fc.integer({ min: 1, max: 100 }), fc.nat(), (before, after, drop, row) => {
        const previous = { score: before, level: healthLevel(before) };
        const current = { score: after, level: healthLevel(after) };
        const fired = scoreTriggers({ kind: 'health', customerId: 'c1', previous, current, historyId: row }, { healthDropPoints: drop });
        const expected = before - after >= drop || RANK[current.level]! < RANK[previous.level]!;
        expect(fired.map((t) => t.kind)).toEqual(expected ? ['health.drop'] : []);
        if (expected) expect(fired[0]).toMatchObject({ customerId: 'c1', key: `score:${row}` });
      }),
    );
  });

  it('churn.high iff the level rose to high', () => {
    fc.assert(
      fc.property(score, score, (before, after) => {
        const previous = { score: before, level: churnLevel(before) };
        const current = { score: after, level: churnLevel(after) };
        const fired = scoreTriggers({ kind: 'churn', customerId: 'c1', previous, current, historyId: 7 }, { healthDropPoints: 15 });
        expect(fired.map((t) => t.kind)).toEqual(current.level === 'high' && previous.level !== 'high' ? ['churn.high'] : []);
      }),
    );
  });
});
