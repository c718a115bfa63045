/**
 * PDF text extraction for the export tests, with pdf.js (pdfjs-dist's legacy build runs in Node):
 * each page's text items in reading order, Arabic presentation forms normalised back to letters
 * (NFKC) and right-to-left runs returned in logical order, as a reader's copy/paste would.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The extracted text: one string per text item (a line of a paragraph or of a table cell). */
export async function pdfItems(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const items: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim()) items.push(item.str.normalize('NFKC'));
  }
  await pdf.destroy();
  return items;
}

/** The fonts the file embeds (`/FontFile2` TrueType streams) with their `/BaseFont` names. */
export function embeddedFonts(bytes: Uint8Array): { fontFiles: number; baseFonts: string[] } {
  const text = Buffer.from(bytes).toString('latin1');
  return {
    fontFiles: text.match(/\/FontFile2\s+\d+\s+0\s+R/g)?.length ?? 0,
    baseFonts: [...new Set([...text.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1]!))],
  };
}
