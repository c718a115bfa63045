/**
 * The server's text catalogue: every sentence the server writes for people (health and churn
 * details, recommendations, retention strategies, timeline titles, problem titles) has a stable
 * `code` and `params`, and a template per language here. The English rendering is what the API
 * returns as text beside the code, so code and text cannot disagree; French and Arabic serve the
 * exports (PDF) and anyone rendering server-side. The elements render the same codes with
 * @lit/localize (packages/components/src/base/server-text.ts). Codes are listed in docs/api.md.
 *
 * API: `serverText(code, params, locale)` → string; `localized(code, params)` → `{ code, params, text }`
 * (English); `isServerTextCode(code)`; `problemCode(title)`.
 * @module
 */
import type { TextEntry, TextParams } from './entry.js';
import { textFormat, type TextLocale } from './format.js';
import { PROBLEM_TEXT } from './problem-text.js';
import { CHURN_TEXT, HEALTH_TEXT } from './scores-text.js';
import { TIMELINE_PART_TEXT } from './timeline-parts-text.js';
import { TIMELINE_TEXT } from './timeline-text.js';

export type { TextLocale } from './format.js';
export type { TextParams } from './entry.js';

/** Every entry of the catalogue by code. */
export const SERVER_TEXT = {
  ...HEALTH_TEXT,
  ...CHURN_TEXT,
  ...TIMELINE_TEXT,
  ...TIMELINE_PART_TEXT,
  ...PROBLEM_TEXT,
} satisfies Record<string, TextEntry>;

/** A code of the catalogue, e.g. `health.recency.days`. */
export type ServerTextCode = keyof typeof SERVER_TEXT;

/** Languages the catalogue has templates for. */
export const TEXT_LOCALES: readonly TextLocale[] = ['en', 'fr', 'ar'];

/** True when `code` is in the catalogue. */
export function isServerTextCode(code: string): code is ServerTextCode {
  return Object.hasOwn(SERVER_TEXT, code);
}

/**
 * The language of a BCP 47 tag the catalogue has (`fr-FR` → `fr`, `ar-EG` → `ar`); anything else,
 * including undefined or an invalid tag, → `en`.
 */
export function textLocaleOf(tag: string | undefined | null): TextLocale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return language === 'fr' || language === 'ar' ? language : 'en';
}

/**
 * Renders `code` with `params` in `locale` (a BCP 47 tag or `en`/`fr`/`ar`; default English).
 * @throws Error when `code` is not in the catalogue.
 */
export function serverText(code: string, params: TextParams = {}, locale: string = 'en'): string {
  if (!isServerTextCode(code)) throw new Error(`unknown server text code "${code}"`);
  const language = textLocaleOf(locale);
  return SERVER_TEXT[code][language](params, textFormat(language));
}

/** A text as the wire carries it: its code, parameters and English rendering. */
export interface LocalizedText {
  code: ServerTextCode;
  params: Record<string, string | number>;
  text: string;
}

/** `{ code, params, text }` with `text` the English rendering of `code`. */
export function localized(code: ServerTextCode, params: Record<string, string | number> = {}): LocalizedText {
  return { code, params, text: serverText(code, params, 'en') };
}

const PROBLEM_CODES: ReadonlyMap<string, ServerTextCode> = new Map(
  Object.keys(PROBLEM_TEXT).map((code) => [serverText(code), code as ServerTextCode]),
);

/** The `problem.*` code whose English title is `title`, or undefined for a title not in the catalogue. */
export function problemCode(title: string): ServerTextCode | undefined {
  return PROBLEM_CODES.get(title);
}
