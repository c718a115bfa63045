/**
 * PDF line wrapping (issue 12.5): words move whole; an email or URL longer than the line breaks
 * at its `@` / `.` / `/` boundaries, never between letters unless one piece is itself too long.
 * Measured with the real font metrics of the report (DejaVu Sans in jsPDF).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExportText } from '../../src/export/labels/index.js';
import { Writer } from '../../src/export/pdf/layout.js';
import { breakWord, wrapText } from '../../src/export/pdf/wrap.js';

const { doc } = new Writer(new ExportText('en'));
doc.setFontSize(9);
const width = (s: string) => doc.getTextWidth(s);

describe('wrapText', () => {
  it('keeps an email that fits whole, on the next line if need be', () => {
    const email = 'reagan.goyette.17850@example.com';
    const max = width(email) + 1;
    expect(wrapText(`Contact ${email}`, max, width)).toEqual(['Contact', email]);
  });

  it('breaks an email wider than the line at @ or ., not inside a word', () => {
    const email = 'reagan.goyette.17850@example.com';
    const lines = wrapText(email, width('reagan.goyette.17850') + 1, width);
    expect(lines).toEqual(['reagan.goyette.17850', '@example.com']);
    const narrow = wrapText(email, width('reagan.goyette.') + 1, width);
    expect(narrow.join('')).toBe(email);
    expect(narrow.length).toBeGreaterThan(2);
    for (let i = 1; i < narrow.length; i += 1)
      expect(narrow[i - 1]!.endsWith('.') || narrow[i]!.startsWith('@'), narrow.join(' | ')).toBe(true);
  });

  it('cuts between letters only a piece wider than the line', () => {
    expect(breakWord('abcdefghij', width('abcd') + 0.1, width)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('never loses or reorders a character and keeps every line within the width (property)', () => {
    const max = width('mmmmmmmmmm');
    const word = fc.stringMatching(/^[a-z0-9.@_/-]{1,30}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const text = words.join(' ');
        const lines = wrapText(text, max, width);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        for (const line of lines) if ([...line].length > 1) expect(width(line)).toBeLessThanOrEqual(max);
        // A word that fits the line is never split.
        for (const w of words) if (width(w) <= max) expect(lines.some((l) => l.split(' ').includes(w))).toBe(true);
      }),
    );
  });
});
