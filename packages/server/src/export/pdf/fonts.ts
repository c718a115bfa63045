/**
 * The PDF's font: DejaVu Sans (regular and bold, npm `dejavu-fonts-ttf`, a free licence), which
 * draws Latin with every French accent, the typographic signs, the currency signs and Arabic
 * (basic letters and the presentation forms jsPDF's Arabic shaping writes). jsPDF embeds it as a
 * TrueType subset of the glyphs used (Identity-H with a ToUnicode map, so the text can be
 * extracted and searched): about 300 KB per report before compression, about 100 KB after.
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { jsPDF } from 'jspdf';

/** The font family name the report draws with. */
export const REPORT_FONT = 'DejaVuSans';

const FILES = { normal: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
let loaded: Record<keyof typeof FILES, string> | undefined;

/** The two faces as base64 (read once per process from the installed package). */
function fontData(): Record<keyof typeof FILES, string> {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    const dir = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
    loaded = {
      normal: readFileSync(dir + FILES.normal).toString('base64'),
      bold: readFileSync(dir + FILES.bold).toString('base64'),
    };
  }
  return loaded;
}

/** Registers DejaVu Sans (normal and bold) in `doc` and makes it the current font. */
export function useReportFont(doc: jsPDF): void {
  const data = fontData();
  for (const style of ['normal', 'bold'] as const) {
    doc.addFileToVFS(FILES[style], data[style]);
    doc.addFont(FILES[style], REPORT_FONT, style, undefined, 'Identity-H');
  }
  doc.setFont(REPORT_FONT, 'normal');
}
