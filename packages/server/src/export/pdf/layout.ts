/**
 * The PDF page layout: an A4 jsPDF document in DejaVu Sans with a running `y`, headings,
 * paragraphs, bullet lists, label/value grids and tables (jspdf-autotable), laid out left to
 * right or, for Arabic, right to left: text right-aligned at the right margin, table columns in
 * reverse order. Arabic is shaped by jsPDF's Arabic plugin and ordered by its bidi engine (the
 * paragraph direction given, brackets mirrored); every line is wrapped by {@link wrapText}.
 * @module
 */
import { jsPDF } from 'jspdf';
import { autoTable, type CellInput, type RowInput, type Styles, type UserOptions } from 'jspdf-autotable';
import type { ExportText } from '../labels/index.js';
import { REPORT_FONT, useReportFont } from './fonts.js';
import { wrapText } from './wrap.js';

export const MARGIN = 40;
export const ACCENT: [number, number, number] = [17, 94, 89];
export const MUTED: [number, number, number] = [100, 100, 100];
const BLACK: [number, number, number] = [0, 0, 0];

/** One table: header row, rows, per-column styles (indexes as written, left to right in English). */
export interface TableSpec {
  head?: string[];
  body: CellInput[][];
  columnStyles?: Record<number, Partial<Styles>>;
  /** Shown instead of the table when there is no row. */
  empty?: string;
  theme?: UserOptions['theme'];
  styles?: Partial<Styles>;
}

/** Text as one line (tabs and line ends become spaces); `''` for null/undefined. */
export const plain = (value: unknown): string => (value === null || value === undefined ? '' : String(value).replace(/[\t\r\n]+/g, ' '));

/**
 * Bidi control marks (LRM/RLM/ALM and the embeddings and isolates, as Intl puts in Arabic dates and
 * money): dropped before drawing, since jsPDF's bidi engine orders the text itself and a mark in
 * a run makes it draw that run reversed and unshaped.
 */
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
/** A Hebrew or Arabic letter (basic and presentation forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const unmarked = (t: string | string[]) => (Array.isArray(t) ? t.map((s) => s.replace(BIDI_MARKS, '')) : t.replace(BIDI_MARKS, ''));

/** Writes the report top to bottom; `rtl` mirrors the layout. */
export class Writer {
  readonly doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true });
  y = MARGIN;
  readonly width = this.doc.internal.pageSize.getWidth();
  readonly height = this.doc.internal.pageSize.getHeight();
  readonly rtl: boolean;

  constructor(readonly text: ExportText) {
    this.rtl = text.rtl;
    useReportFont(this.doc);
    const doc = this.doc;
    const draw = doc.text.bind(doc);
    // Every text, autotable's cells too (whose own bidi options would reverse Arabic unshaped): jsPDF's
    // bidi engine from logical order, in the paragraph direction of the locale, brackets mirrored.
    // A text without right-to-left letters (an email, a number, an amount) keeps its order in Arabic too.
    const bidi = (t: string | string[]) => ({
      isInputVisual: true,
      isOutputVisual: undefined,
      isInputRtl: undefined,
      isOutputRtl: this.rtl && RTL_LETTER.test(Array.isArray(t) ? t.join(' ') : t),
      isSymmetricSwapping: true,
    });
    doc.text = ((t: string | string[], x: number, y: number, options?: Record<string, unknown>) =>
      draw(unmarked(t), x, y, { ...options, ...bidi(t) })) as typeof doc.text;
    // Autotable wraps cells with splitTextToSize: whole words, long ones broken at boundaries.
    doc.splitTextToSize = ((t: string | string[], max: number, options?: { fontSize?: number }) => {
      const size = options?.fontSize ?? doc.getFontSize();
      const measure = (s: string) => (doc.getStringUnitWidth(s) * size) / doc.internal.scaleFactor;
      return (Array.isArray(t) ? t : [t]).flatMap((s) => wrapText(String(s), max, measure));
    }) as typeof doc.splitTextToSize;
  }

  /** The x of a line start: the left margin, or the right one for right-to-left text. */
  get x(): number {
    return this.rtl ? this.width - MARGIN : MARGIN;
  }

  /** Draws one line at the start edge of the locale. */
  line(text: string, y: number, options: { x?: number } = {}): void {
    this.doc.text(text, options.x ?? this.x, y, { align: this.rtl ? 'right' : 'left' });
  }

  style(size: number, bold = false, color: [number, number, number] = BLACK): this {
    this.doc
      .setFont(REPORT_FONT, bold ? 'bold' : 'normal')
      .setFontSize(size)
      .setTextColor(...color);
    return this;
  }

  /** A new page when less than `space` points are left. */
  ensure(space: number): void {
    if (this.y + space > this.height - MARGIN) {
      this.doc.addPage();
      this.y = MARGIN;
    }
  }

  heading(text: string): void {
    this.ensure(60);
    this.y += 18;
    this.style(13, true, ACCENT).line(plain(text), this.y);
    this.doc
      .setDrawColor(...ACCENT)
      .setLineWidth(0.8)
      .line(MARGIN, this.y + 4, this.width - MARGIN, this.y + 4);
    this.y += 16;
    this.style(9);
  }

  subheading(text: string): void {
    this.ensure(40);
    this.style(10, true, [40, 40, 40]).line(plain(text), this.y + 8);
    this.y += 14;
    this.style(9);
  }

  paragraph(text: string, options: { muted?: boolean; size?: number } = {}): void {
    this.style(options.size ?? 9, false, options.muted ? MUTED : BLACK);
    for (const line of this.doc.splitTextToSize(plain(text), this.width - 2 * MARGIN) as string[]) {
      this.ensure(14);
      this.line(line, this.y + 9);
      this.y += 12;
    }
    this.style(9);
    this.y += 2;
  }

  bullets(items: readonly string[], empty: string): void {
    if (items.length === 0) return this.paragraph(empty, { muted: true });
    for (const item of items) this.paragraph(`•  ${item}`);
  }

  /** Label/value pairs, two pairs per row (labels muted). */
  facts(pairs: ReadonlyArray<[string, string]>): void {
    const body: CellInput[][] = [];
    for (let i = 0; i < pairs.length; i += 2) body.push([pairs[i]![0], pairs[i]![1], pairs[i + 1]?.[0] ?? '', pairs[i + 1]?.[1] ?? '']);
    this.table({
      body,
      theme: 'plain',
      styles: { fontSize: 9, cellPadding: { top: 2, bottom: 2, left: this.rtl ? 6 : 0, right: this.rtl ? 0 : 6 } },
      columnStyles: { 0: { textColor: MUTED, cellWidth: 110 }, 1: { cellWidth: 147 }, 2: { textColor: MUTED, cellWidth: 110 } },
    });
  }

  /** A table; in right-to-left the columns run from the right and cells are right-aligned. */
  table(spec: TableSpec): void {
    if (spec.body.length === 0 && spec.empty) return this.paragraph(spec.empty, { muted: true });
    const n = Math.max(spec.head?.length ?? 0, ...spec.body.map((r) => r.length));
    const order = <T>(row: T[]): T[] => (this.rtl ? [...row].reverse() : row);
    const cells = (row: CellInput[]): RowInput =>
      order(row.map((c) => (typeof c === 'string' || c === null || c === undefined ? plain(c) : c)));
    const columnStyles: Record<number, Partial<Styles>> = {};
    for (const [index, style] of Object.entries(spec.columnStyles ?? {})) {
      const i = Number(index);
      columnStyles[this.rtl ? n - 1 - i : i] = this.rtl && style.halign === 'right' ? { ...style, halign: 'left' } : style;
    }
    autoTable(this.doc, {
      startY: this.y,
      margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN },
      theme: spec.theme ?? 'striped',
      styles: {
        font: REPORT_FONT,
        fontSize: 8,
        cellPadding: 3,
        overflow: 'linebreak',
        halign: this.rtl ? 'right' : 'left',
        ...spec.styles,
      },
      headStyles: { fillColor: ACCENT, textColor: 255, fontStyle: 'bold' },
      columnStyles,
      ...(spec.head ? { head: [cells(spec.head)] } : {}),
      body: spec.body.map(cells),
    });
    this.y = (this.doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 10;
  }
}
