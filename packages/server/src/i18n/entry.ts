/**
 * The shape of one catalogue entry: a template per language.
 * @module
 */
import type { TextFormat } from './format.js';

/** Parameters of a text: numbers, strings, ISO dates; money as minor units plus a currency code. */
export type TextParams = Readonly<Record<string, string | number>>;

/** Renders a text from its parameters with the language's formatting. */
export type TextTemplate = (params: TextParams, format: TextFormat) => string;

/** One code's templates in every language of the catalogue. */
export interface TextEntry {
  en: TextTemplate;
  fr: TextTemplate;
  ar: TextTemplate;
}
