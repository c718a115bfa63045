/**
 * Server-written text in the reader's language. The API sends each sentence it writes as a stable
 * `code` with `params` beside its English text (health and churn details, recommendations, retention
 * strategies, timeline titles and descriptions, ticket history, problem titles); the elements render
 * the code with @lit/localize in fr/ar and numbers/dates with Intl; in English, and for a code they
 * do not know (a newer server), they show the server's English text as it came. Problem titles: `problemTitle` in
 * server-text-problems.ts (small, for every element's error state).
 * @module
 */
import type { Formatter } from './format.js';
import { activeLanguage } from './localize.js';
import { PROBLEM_TEXTS } from './server-text-problems.js';
import { SCORE_TEXTS } from './server-text-scores.js';
import { TIMELINE_TEXTS } from './server-text-timeline.js';
import { textTools } from './server-text-tools.js';

/** A server text as the wire carries it. */
export interface CodedText {
  code: string;
  params: Readonly<Record<string, string | number>>;
}

const RENDERERS = { ...SCORE_TEXTS, ...TIMELINE_TEXTS, ...PROBLEM_TEXTS };

/** True when the elements can render `code` themselves. */
export function knowsServerText(code: string): boolean {
  return Object.hasOwn(RENDERERS, code);
}

/**
 * `text` rendered in the active language with the element's formatter; `fallback` (the server's
 * English) in English, and when `text` is missing or its code unknown.
 */
export function renderServerText(text: CodedText | null | undefined, fallback: string, f: Formatter): string {
  if (!text || activeLanguage() === 'en' || !knowsServerText(text.code)) return fallback;
  return RENDERERS[text.code]!(text.params ?? {}, textTools(f));
}

/**
 * A description sent as pieces (`descriptionText`), rendered and joined with " · "; `fallback` (the
 * server's English) in English, when there are no pieces or one has an unknown code.
 */
export function renderServerPieces(pieces: readonly CodedText[] | null | undefined, fallback: string | null, f: Formatter): string | null {
  if (!pieces?.length || activeLanguage() === 'en') return fallback;
  const tools = textTools(f);
  const shown: string[] = [];
  for (const piece of pieces) {
    if (!knowsServerText(piece.code)) return fallback;
    shown.push(RENDERERS[piece.code]!(piece.params ?? {}, tools));
  }
  return shown.join(' · ');
}
