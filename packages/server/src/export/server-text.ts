/**
 * Server-written sentences in the export's language: factor details, recommendations, retention
 * strategies and timeline texts carry a catalogue `code` and `params` beside their English text;
 * the export renders the code with the server's catalogue (i18n/server-text.ts) in its locale,
 * and falls back to the English text for a code the catalogue does not have.
 * @module
 */
import type { ExportLocale } from '@c360/sdk';
import { isServerTextCode, serverText } from '../i18n/server-text.js';

/** A sentence as the API carries it: a code and params (when the server wrote one), and its English text. */
export interface CodedText {
  code?: string | null;
  params?: Record<string, string | number> | null;
}

/** `item`'s sentence in `locale`, or `english` when it has no known code. */
export function localText(item: CodedText | null | undefined, english: string, locale: ExportLocale): string {
  if (!item?.code || !isServerTextCode(item.code)) return english;
  return serverText(item.code, item.params ?? {}, locale);
}
