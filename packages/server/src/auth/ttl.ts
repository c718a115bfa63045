/**
 * Token lifetimes as the CLI takes them: `90s`, `15m`, `1h`, `30d`.
 * @module
 */

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Longest lifetime accepted for any token (10 years). */
export const MAX_TTL_MS = 3650 * UNIT_MS.d;

/** Milliseconds of a duration such as `15m`; throws a message naming the option otherwise. */
export function parseTtl(text: string, option = '--ttl'): number {
  const match = /^(\d{1,7})([smhd])$/.exec(text.trim());
  if (!match) throw new Error(`${option} "${text}": expected a number and a unit s, m, h or d (e.g. 15m, 1h, 30d)`);
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms <= 0) throw new Error(`${option} "${text}": must be longer than 0`);
  if (ms > MAX_TTL_MS) throw new Error(`${option} "${text}": at most 3650d`);
  return ms;
}

/** `15m` style text for a duration in whole units (for messages). */
export function formatTtl(ms: number): string {
  for (const [unit, size] of [
    ['d', UNIT_MS.d],
    ['h', UNIT_MS.h],
    ['m', UNIT_MS.m],
  ] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${Math.round(ms / 1000)}s`;
}
