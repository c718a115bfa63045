/**
 * Line wrapping for the PDF (its paragraphs and, through jsPDF's `splitTextToSize`, its table
 * cells): words move whole to the next line; a single word wider than the line (a long email
 * address, a URL) is broken at its `@`, `.`, `/`, `-` or `_` boundaries, and only a piece still
 * wider than the line is cut between characters.
 * @module
 */

/** The width of a text in the unit of `max` (points), in the current font and size. */
export type Measure = (text: string) => number;

/** Pieces of a word, each ending before an `@` or after a `.`, `/`, `-` or `_`. */
const BOUNDARY = /(?=@)|(?<=[./_-])/;

/** Cuts `piece` between characters into parts no wider than `max` (at least one character each). */
function hardBreak(piece: string, max: number, width: Measure): string[] {
  const parts: string[] = [];
  let part = '';
  for (const ch of piece) {
    if (part && width(part + ch) > max) {
      parts.push(part);
      part = ch;
    } else part += ch;
  }
  if (part) parts.push(part);
  return parts;
}

/** A word wider than `max`, as lines: greedy over its boundary pieces, cut only inside a piece wider than the line. */
export function breakWord(word: string, max: number, width: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of word.split(BOUNDARY)) {
    if (width(line + piece) <= max) {
      line += piece;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    if (width(piece) <= max) line = piece;
    else {
      const parts = hardBreak(piece, max, width);
      line = parts.pop() ?? '';
      lines.push(...parts);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `text` as lines no wider than `max` (each `\n` starts a line; runs of spaces collapse). */
export function wrapText(text: string, max: number, width: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (width(candidate) <= max) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      if (width(word) <= max) line = word;
      else {
        const parts = breakWord(word, max, width);
        line = parts.pop() ?? '';
        lines.push(...parts);
      }
    }
    lines.push(line);
  }
  return lines;
}
