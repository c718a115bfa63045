/**
 * What the server-text renderers use to format their params in the active language: numbers
 * through the element's Intl formatter, counted nouns, enumerated values.
 * @module
 */
import { countText, type CountNoun } from './server-text-counts.js';
import type { Formatter } from './format.js';
import { wordText } from './server-text-words.js';

/** Formatting helpers handed to each renderer. */
export interface TextTools {
  /** A number param (at most 2 decimals), e.g. "0,89" in French. */
  n(value: string | number | undefined): string;
  /** A count with its noun: "3 jours". */
  count(value: string | number | undefined, noun: CountNoun): string;
  /** Days with one decimal unless whole (the churn purchase gap). */
  days1(value: string | number | undefined): string;
  /** A money param in major units of `currency`, e.g. "5,00 £". */
  money(value: string | number | undefined, currency: string): string;
  /** A `YYYY-MM-DD` date param, medium style. */
  date(value: string | number | undefined): string;
  /** An enumerated value (status, priority, tier…) in words. */
  word(value: string | number | undefined): string;
}

/** The {@link TextTools} of an element's formatter. */
export function textTools(f: Formatter): TextTools {
  const n = (value: string | number | undefined) => (typeof value === 'number' ? f.number(value, 2) : String(value ?? ''));
  return {
    n,
    count: (value, noun) => countText(Number(value), f.number(Number(value), 2), noun),
    days1: (value) => f.number(Math.round(Number(value) * 10) / 10, 1),
    money: (value, currency) => f.money(Number(value), currency),
    date: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? f.date(`${value}T00:00:00Z`) : String(value ?? '')),
    word: wordText,
  };
}
