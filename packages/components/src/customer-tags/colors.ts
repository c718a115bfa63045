/**
 * The colours of `<customer-tags>` chips: the colour a new tag gets from its name, and the text
 * colour (black or white) that contrasts more with a tag's colour (WCAG contrast ratio).
 * @module
 */
import { DEFAULT_TAG_COLOR, type Tag } from '@c360/sdk';

/** Colours of tags created here, picked from the name so a tag keeps its colour (all ≥ 4.5:1 with white or black text). */
export const NEW_TAG_COLORS = [
  '#2563eb',
  '#7c3aed',
  '#db2777',
  '#dc2626',
  '#c2410c',
  '#a16207',
  '#15803d',
  '#0f766e',
  '#0e7490',
  '#475569',
] as const;

/** The colour a tag created from `name` gets. */
export function newTagColor(name: string): string {
  let hash = 0;
  for (const ch of name.toLowerCase()) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return NEW_TAG_COLORS[hash % NEW_TAG_COLORS.length]!;
}

const HEX = /^#([0-9a-f]{6})$/i;

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Black or white, whichever contrasts more with the tag colour `background` (`#rrggbb`). */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

/** A tag's colour when it is `#rrggbb`, else the API's default tag colour. */
export const tagColor = (tag: Tag) => (HEX.test(tag.color) ? tag.color.toLowerCase() : DEFAULT_TAG_COLOR);
