import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoUtc, resolveAsOf, wholeDaysBetween } from '../../src/scoring/clock.js';

const at = (iso: string) => new Date(iso);

describe('wholeDaysBetween', () => {
  it('counts elapsed 24-hour periods, flooring', () => {
    expect(wholeDaysBetween('2024-01-01T00:00:00Z', at('2024-01-02T00:00:00Z'))).toBe(1);
    expect(wholeDaysBetween('2024-01-01T00:00:00Z', at('2024-01-01T23:59:59.999Z'))).toBe(0);
    expect(wholeDaysBetween('2011-11-05T18:30:00Z', at('2011-12-10T00:00:00Z'))).toBe(34);
  });

  it('is negative when from is after to (floor towards −∞)', () => {
    expect(wholeDaysBetween('2024-01-02T00:00:00.001Z', at('2024-01-02T00:00:00Z'))).toBe(-1);
    expect(wholeDaysBetween('2024-01-03T00:00:00Z', at('2024-01-02T00:00:00Z'))).toBe(-1);
    expect(wholeDaysBetween('2024-01-03T00:00:00.001Z', at('2024-01-02T00:00:00Z'))).toBe(-2);
  });

  it('counts whole UTC days across a DST change (Europe/London, 2024-03-31)', () => {
    // 12:00 GMT on the 30th to 12:00 BST on the 31st is only 23 hours.
    expect(wholeDaysBetween('2024-03-30T12:00:00+00:00', at('2024-03-31T12:00:00+01:00'))).toBe(0);
    expect(wholeDaysBetween('2024-03-30T12:00:00Z', at('2024-04-01T11:59:59.999Z'))).toBe(1);
    // Autumn: 25-hour local day still counts once.
    expect(wholeDaysBetween('2024-10-26T12:00:00+01:00', at('2024-10-27T12:00:00+00:00'))).toBe(1);
  });

  it('handles leap days', () => {
    expect(wholeDaysBetween('2024-02-28T00:00:00Z', at('2024-03-01T00:00:00Z'))).toBe(2);
    expect(wholeDaysBetween('2023-02-28T00:00:00Z', at('2023-03-01T00:00:00Z'))).toBe(1);
    expect(wholeDaysBetween('2024-01-01', at('2025-01-01T00:00:00Z'))).toBe(366);
    expect(wholeDaysBetween('2100-02-28', at('2100-03-01T00:00:00Z'))).toBe(1); // 2100 is not a leap year
  });

  it('throws on a non-ISO from', () => {
    expect(() => wholeDaysBetween('31/12/2011', at('2012-01-01T00:00:00Z'))).toThrow('"31/12/2011" is not an ISO date');
  });
});

describe('parseIsoUtc', () => {
  const savedTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/New_York'; // a zone-less timestamp must still be UTC
  });
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('takes zone-less timestamps and plain dates as UTC', () => {
    expect(parseIsoUtc('2011-12-09T12:50:00')).toBe(Date.UTC(2011, 11, 9, 12, 50));
    expect(parseIsoUtc('2011-12-09 12:50')).toBe(Date.UTC(2011, 11, 9, 12, 50));
    expect(parseIsoUtc('2011-12-09')).toBe(Date.UTC(2011, 11, 9));
  });

  it('applies offsets and fractions', () => {
    expect(parseIsoUtc('2011-12-09T12:50:00+01:00')).toBe(Date.UTC(2011, 11, 9, 11, 50));
    expect(parseIsoUtc('2011-12-09T12:50:00-0530')).toBe(Date.UTC(2011, 11, 9, 18, 20));
    expect(parseIsoUtc('2011-12-09T12:50:00.5Z')).toBe(Date.UTC(2011, 11, 9, 12, 50, 0, 500));
    expect(parseIsoUtc('2011-12-09T12:50:00.123456Z')).toBe(Date.UTC(2011, 11, 9, 12, 50, 0, 123));
  });

  it('rejects impossible or non-ISO values', () => {
    for (const bad of [
      '2011-02-30',
      '2011-02-29',
      '2011-13-01',
      '2011-12-09T24:00',
      '2011-12-09T12:60',
      'yesterday',
      '',
      '2011-12-09T12:50:00+25:00',
      '20111209',
    ]) {
      expect(parseIsoUtc(bad), bad).toBeNull();
    }
    expect(parseIsoUtc('2012-02-29')).toBe(Date.UTC(2012, 1, 29));
  });
});

describe('resolveAsOf', () => {
  const now = () => at('2030-01-01T00:00:00Z');

  it('prefers --as-of, then C360_NOW, then the fallback, then now', () => {
    const env = { C360_NOW: '2011-12-10' };
    expect(resolveAsOf({ asOf: '2011-06-01T08:00:00Z', env, fallback: '2010-01-01', now }).toISOString()).toBe('2011-06-01T08:00:00.000Z');
    expect(resolveAsOf({ env, fallback: '2010-01-01', now }).toISOString()).toBe('2011-12-10T00:00:00.000Z');
    expect(resolveAsOf({ env: {}, fallback: '2011-12-09T12:50:00Z', now }).toISOString()).toBe('2011-12-09T12:50:00.000Z');
    expect(resolveAsOf({ env: {}, now }).toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  it('treats blank values as unset', () => {
    expect(resolveAsOf({ asOf: '', env: { C360_NOW: '  ' }, fallback: '2011-12-10', now }).toISOString()).toBe('2011-12-10T00:00:00.000Z');
  });

  it('takes a plain date as 00:00:00Z', () => {
    expect(resolveAsOf({ asOf: '2011-12-10', env: {} }).getTime()).toBe(Date.UTC(2011, 11, 10));
  });

  it('throws naming the bad value', () => {
    expect(() => resolveAsOf({ asOf: '2011-02-30', env: {} })).toThrow('--as-of / C360_NOW: "2011-02-30" is not an ISO date');
    expect(() => resolveAsOf({ env: { C360_NOW: 'tomorrow' } })).toThrow('--as-of / C360_NOW: "tomorrow" is not an ISO date');
    expect(() => resolveAsOf({ env: {}, fallback: 'x' })).toThrow('"x" is not an ISO date');
  });

  it('reads process.env by default', () => {
    const saved = process.env.C360_NOW;
    process.env.C360_NOW = '2011-12-09';
    try {
      expect(resolveAsOf().getTime()).toBe(Date.UTC(2011, 11, 9));
    } finally {
      if (saved === undefined) delete process.env.C360_NOW;
      else process.env.C360_NOW = saved;
    }
  });
});
