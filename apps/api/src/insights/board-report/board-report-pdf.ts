import PDFDocument from 'pdfkit';
import { PDF_FONT, pdfText, usePdfFonts } from '../../common/pdf-fonts';
import type { BoardReportModel, Tone } from './board-report-model';
import { drawActions } from './draw-actions';
import { drawHeart } from './draw-heart';
import { drawPyramid } from './draw-pyramid';
import { drawTile } from './draw-tiles';
import { type Box, type Doc, GAP_TONE, heading, MUTED, put, TONE } from './pdf-style';

/**
 * One A4 page, laid out in fixed bands (header, pyramid beside the readings, value tiles, heart
 * monitor, actions, footer). Every text is boxed (pdf-style `put`), so the page never runs over.
 */
const PAGE = { w: 595.28, h: 841.89 };
const M = 34;
const W = PAGE.w - 2 * M;

export function drawBoardReport(model: BoardReportModel, title: string): Promise<Buffer> {
  // Margins 0: the layout keeps its own, and pdfkit never adds a page for text near the bottom.
  const doc: Doc = usePdfFonts(new PDFDocument({ size: 'A4', margin: 0, info: { Title: title } }));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  let y = M;
  put(doc, model.title, M, y, W * 0.62, { size: 16, bold: true });
  legend(doc, model, { x: M + W * 0.62, y: y + 2, w: W * 0.38, h: 10 });
  y += 20;
  put(doc, model.subtitle, M, y, W, { size: 8, color: MUTED });
  y += 16;

  drawPyramid(doc, model, { x: M, y, w: 236, h: 150 });
  readings(doc, model, { x: M + 250, y, w: W - 250, h: 150 });
  y += 160;

  const tilesH = tiles(doc, model, { x: M, y, w: W, h: 214 });
  y += tilesH + 10;

  drawHeart(doc, model, { x: M, y, w: W, h: 118 });
  y += 126;

  const footerY = PAGE.h - M - 24;
  drawActions(doc, model, { x: M, y, w: W, h: footerY - y - 4 });
  put(doc, model.footer, M, footerY, W, { size: 6, color: MUTED, lines: 4 });
  doc.end();
  return done;
}

function legend(doc: Doc, model: BoardReportModel, box: Box): void {
  const tones: Tone[] = ['on_target', 'near', 'below', 'provisional'];
  const slot = box.w / tones.length;
  tones.forEach((tone, i) => {
    const x = box.x + i * slot;
    doc.save();
    if (tone === 'provisional') doc.dash(1.5, { space: 1 });
    doc
      .rect(x, box.y + 1, 7, 7)
      .lineWidth(0.8)
      .fillAndStroke(TONE[tone].fill, TONE[tone].edge);
    doc.restore();
    const label = tone === 'provisional' ? model.words.provisionalShort : model.words.status[tone];
    put(doc, label, x + 9, box.y + 1.5, slot - 10, { size: 6.5, color: MUTED });
  });
}

/** The main blind spot and hidden strength in words (libs/domain's reading), then NPS and participation. */
function readings(doc: Doc, model: BoardReportModel, box: Box): void {
  let y = box.y + heading(doc, model.words.readings, box.x, box.y, box.w) + 2;
  for (const r of model.readings) {
    doc.font(PDF_FONT.regular).fontSize(7.5);
    const textH = Math.min(
      4 * doc.currentLineHeight(true),
      doc.heightOfString(pdfText(r.text), { width: box.w - 10, lineGap: 0 }),
    );
    const h = textH + 15;
    doc.roundedRect(box.x, y, box.w, h, 3).fill(GAP_TONE[r.tone]);
    put(doc, r.heading, box.x + 5, y + 3, box.w - 10, { size: 7.5, bold: true });
    put(doc, r.text, box.x + 5, y + 12, box.w - 10, { size: 7.5, lines: 4 });
    y += h + 5;
  }
  for (const fact of model.facts) {
    if (y + 10 > box.y + box.h) break;
    y += put(doc, fact, box.x, y, box.w, { size: 7.5 }) + 2;
  }
}

/** The value tiles in a grid: four to a row, more columns when there are many values. Returns the height used. */
function tiles(doc: Doc, model: BoardReportModel, box: Box): number {
  heading(doc, model.words.tiles, box.x, box.y, box.w);
  put(doc, model.tilesNote, box.x, box.y + 13, box.w, { size: 6.5, color: MUTED });
  const n = model.tiles.length;
  if (!n) return 24;
  const cols = n <= 8 ? 4 : Math.min(6, Math.ceil(n / 2));
  const rows = Math.ceil(n / cols);
  const gap = 6;
  const top = box.y + 24;
  const tileW = (box.w - gap * (cols - 1)) / cols;
  const tileH = Math.min(92, (box.h - 24 - gap * (rows - 1)) / rows);
  model.tiles.forEach((tile, i) => {
    const x = box.x + (i % cols) * (tileW + gap);
    const y = top + Math.floor(i / cols) * (tileH + gap);
    drawTile(doc, tile, { x, y, w: tileW, h: tileH }, model.words.gradeScale);
  });
  return 24 + rows * tileH + (rows - 1) * gap;
}
