/**
 * Localization of the elements' own words with @lit/localize in runtime mode: English is built in,
 * French and Arabic are generated modules (`src/locales/fr.ts`, `ar.ts`, from `xliff/*.xlf` by
 * `npm run i18n:build`) loaded on first use with a dynamic `import()`, so a page in English never
 * downloads them.
 *
 * The active language is page-global (one `msg()` table per page): each element asks for its
 * resolved locale's language when that changes, and the last request wins.
 * @module
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { allLocales, sourceLocale, targetLocales } from '../locales/locale-codes.js';

/** A language the elements are translated into: `en` (built in), `fr` or `ar`. */
export type C360Language = (typeof allLocales)[number];

type TargetLanguage = (typeof targetLocales)[number];

/** The generated module of each target language, imported when first needed. */
const loaders: Record<TargetLanguage, () => Promise<LocaleModule>> = {
  fr: () => import('../locales/fr.js'),
  ar: () => import('../locales/ar.js'),
};

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (language) => loaders[language as TargetLanguage](),
});

/** Languages written right to left. */
const RTL_LANGUAGES: ReadonlySet<C360Language> = new Set(['ar']);

/**
 * The supported language of a BCP 47 locale: `fr-FR` → `fr`, `ar-EG` → `ar`, `en-GB` → `en`;
 * anything else (another language, an invalid tag) → `en`. Without a locale, the browser's
 * (`navigator.language`).
 */
export function languageOf(locale: string | undefined): C360Language {
  const tag = locale || (typeof navigator === 'undefined' ? '' : navigator.language);
  let language: string;
  try {
    language = new Intl.Locale(tag).language;
  } catch {
    return sourceLocale;
  }
  return (allLocales as readonly string[]).includes(language) ? (language as C360Language) : sourceLocale;
}

/** The writing direction of a language: `rtl` for Arabic, else `ltr`. */
export function directionOf(language: C360Language): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** The language the elements' words are shown in now (`en` until a translation has loaded). */
export function activeLanguage(): C360Language {
  return getLocale() as C360Language;
}

/**
 * Switches the page's elements to `language` (a no-op when it is already active or loading).
 * Resolves once its translations are in effect; every element then re-renders. Rejects if the
 * translations could not be loaded (the previous language stays).
 */
export function useLanguage(language: C360Language): Promise<void> {
  return setLocale(language);
}
