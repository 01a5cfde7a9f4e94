import { PDF_FONT, pdfText } from '../../common/pdf-fonts';
import type { Tone } from './board-report-model';

/**
 * Shared drawing helpers of the board report: colours (the dashboard's), fonts (common/pdf-fonts:
 * any Latin, Greek or Cyrillic text), boxed text that never spills to a page 2.
 */
export type Doc = PDFKit.PDFDocument;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Fill and edge per tone: the dashboard's tints (apps/web insights.css), dark text on top (readable in grey print too). */
export const TONE: Record<Tone, { fill: string; edge: string }> = {
  on_target: { fill: '#d3f9d8', edge: '#099268' },
  near: { fill: '#fff3bf', edge: '#e8590c' },
  below: { fill: '#ffe3e3', edge: '#c92a2a' },
  no_data: { fill: '#f8f9fa', edge: '#868e96' },
  provisional: { fill: '#f1f3f5', edge: '#868e96' },
};
export const GAP_TONE = { blind_spot: '#ffe8cc', hidden_strength: '#d0ebff' } as const;
export const INK = '#212529';
export const MUTED = '#495057';
export const LINE = '#1c7ed6';
export const RULE = '#ced4da';

export interface PutOptions {
  size?: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  /** Lines at most; the last one ends in an ellipsis when the text is longer. Default 1. */
  lines?: number;
}

/** Text inside a box of `lines` lines from (x, y); never past it (so never onto a second page). Returns the height used. */
export function put(doc: Doc, text: string, x: number, y: number, width: number, o: PutOptions = {}): number {
  const size = o.size ?? 8;
  doc
    .font(o.bold ? PDF_FONT.bold : PDF_FONT.regular)
    .fontSize(size)
    .fillColor(o.color ?? INK);
  const lineHeight = doc.currentLineHeight(true);
  const height = lineHeight * (o.lines ?? 1);
  const clean = pdfText(text);
  const used = Math.min(height, doc.heightOfString(clean, { width, lineGap: 0 }));
  doc.text(clean, x, y, { width, height, ellipsis: true, align: o.align ?? 'left', lineGap: 0 });
  return used;
}

export function heading(doc: Doc, text: string, x: number, y: number, width: number): number {
  put(doc, text, x, y, width, { size: 10, bold: true });
  return 14;
}
