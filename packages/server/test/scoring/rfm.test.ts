import { describe, expect, it } from 'vitest';
import { Rfm } from '@c360/sdk';
import { rfmBreakpoints, rfmSegment, scoreRfm, type RfmInput } from '../../src/scoring/rfm.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
/** frequency 1…10, recency 10…100 days, monetary 1 000…10 000 pence; deliberately unsorted. */
const population: RfmInput[] = range(10)
  .reverse()
  .map((i) => ({ recencyDays: ((i * 3) % 10 || 10) * 10, frequency: i, monetaryMinor: i * 1000 }));

describe('rfmBreakpoints (nearest rank)', () => {
  it('takes v[ceil(p·n/100)] of the sorted values', () => {
    expect(rfmBreakpoints(population)).toEqual({
      recency: [20, 40, 60, 80],
      frequency: [2, 4, 6, 8],
      monetary: [2000, 4000, 6000, 8000],
    });
    const seven = [70, 10, 50, 30, 60, 20, 40].map((v) => ({ recencyDays: v, frequency: v, monetaryMinor: v }));
    // ranks ceil(1.4)=2, ceil(2.8)=3, ceil(4.2)=5, ceil(5.6)=6
    expect(rfmBreakpoints(seven).frequency).toEqual([20, 30, 50, 60]);
  });

  it('sorts numerically, not as text', () => {
    const xs = [100, 9, 20, 3, 1000].map((v) => ({ recencyDays: v, frequency: v, monetaryMinor: v }));
    expect(rfmBreakpoints(xs).monetary).toEqual([3, 9, 20, 100]);
  });

  it('a population of one has every breakpoint at its value', () => {
    const one = { recencyDays: 12, frequency: 3, monetaryMinor: 4500 };
    expect(rfmBreakpoints([one])).toEqual({ recency: [12, 12, 12, 12], frequency: [3, 3, 3, 3], monetary: [4500, 4500, 4500, 4500] });
    expect(scoreRfm(one, rfmBreakpoints([one]))).toEqual({ r: 5, f: 1, m: 1, score: '5 1 1', segment: 'New' });
  });

  it('an empty population scores everybody like a population of one, with JSON-safe breakpoints', () => {
    const bp = rfmBreakpoints([]);
    expect(JSON.parse(JSON.stringify(bp))).toEqual(bp);
    expect(scoreRfm({ recencyDays: 400, frequency: 50, monetaryMinor: 10 ** 9 }, bp).score).toBe('5 1 1');
  });

  it('rejects non-finite values', () => {
    expect(() => rfmBreakpoints([{ recencyDays: NaN, frequency: 1, monetaryMinor: 1 }])).toThrow(RangeError);
  });
});

describe('scoreRfm', () => {
  const bp = rfmBreakpoints(population);
  const score = (recencyDays: number, frequency: number, monetaryMinor: number) => scoreRfm({ recencyDays, frequency, monetaryMinor }, bp);

  it('scores f and m by how many breakpoints are strictly exceeded', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((f) => score(50, f, 0).f)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(score(50, 1, 8000).m).toBe(4);
    expect(score(50, 1, 8001).m).toBe(5);
  });

  it('scores r inversely: fewer days is better, ties stay in the better band', () => {
    expect([0, 20, 21, 40, 41, 60, 61, 80, 81, 1000].map((d) => score(d, 1, 0).r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('formats score as "r f m" and passes the SDK schema', () => {
    const x = score(30, 9, 3000);
    expect(x).toEqual({ r: 4, f: 5, m: 2, score: '4 5 2', segment: 'Loyal' });
    expect(Rfm.parse(x)).toEqual(x);
  });
});

describe('rfmSegment', () => {
  const table: Record<number, string[]> = {
    5: ['New', 'Potential Loyalist', 'Potential Loyalist', 'Champions', 'Champions'],
    4: ['Promising', 'Potential Loyalist', 'Potential Loyalist', 'Loyal', 'Loyal'],
    3: ['About to Sleep', 'About to Sleep', 'Need Attention', 'Loyal', 'Loyal'],
    2: ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', 'Cannot Lose Them'],
    1: ['Lost', 'Hibernating', 'At Risk', 'At Risk', 'Cannot Lose Them'],
  };

  it('has the corners of the table', () => {
    expect(rfmSegment(5, 1)).toBe('New');
    expect(rfmSegment(5, 5)).toBe('Champions');
    expect(rfmSegment(1, 1)).toBe('Lost');
    expect(rfmSegment(1, 5)).toBe('Cannot Lose Them');
    expect(rfmSegment(3, 3)).toBe('Need Attention');
  });

  it('matches every cell of the specified table', () => {
    for (const r of [1, 2, 3, 4, 5]) for (const f of [1, 2, 3, 4, 5]) expect(rfmSegment(r, f), `r${r} f${f}`).toBe(table[r]![f - 1]);
  });

  it('rejects scores outside 1–5', () => {
    expect(() => rfmSegment(0, 3)).toThrow(RangeError);
    expect(() => rfmSegment(3, 6)).toThrow(RangeError);
  });
});
