import { PDF_FONT } from '../../common/pdf-fonts';
import type { TileModel } from './board-report-model';
import { type Box, type Doc, INK, LINE, MUTED, put, TONE } from './pdf-style';

/** Grade 1-10 to a y inside `box` (10 at the top). */
const yOf = (grade: number, box: Box, lo: number, hi: number) =>
  box.y + box.h - ((grade - lo) / (hi - lo)) * box.h;

/**
 * The trend as a small vector line (one point per period, holes where a period has no grade),
 * the target as a dotted line and the 95% interval of the last period as a bar. The scale fits the
 * figures and the target, at least one grade high, so that small moves show.
 */
export function drawSparkline(doc: Doc, tile: TileModel, box: Box): void {
  const seen = [
    ...tile.trend.filter((v): v is number => v !== null),
    tile.target,
    ...(tile.low !== null && tile.high !== null ? [tile.low, tile.high] : []),
  ];
  let lo = Math.max(1, Math.floor(Math.min(...seen) - 0.25));
  let hi = Math.min(10, Math.ceil(Math.max(...seen) + 0.25));
  if (hi - lo < 1) [lo, hi] = [Math.max(1, hi - 1), Math.max(2, hi)];
  const n = tile.trend.length;
  const xOf = (i: number) => (n === 1 ? box.x + box.w - 3 : box.x + 3 + (i * (box.w - 6)) / (n - 1));
  doc.save();
  doc
    .moveTo(box.x, yOf(tile.target, box, lo, hi))
    .lineTo(box.x + box.w, yOf(tile.target, box, lo, hi))
    .dash(1, { space: 1.5 })
    .lineWidth(0.6)
    .stroke(MUTED);
  doc.undash();
  let open = false;
  tile.trend.forEach((v, i) => {
    if (v === null) {
      open = false;
      return;
    }
    const [x, y] = [xOf(i), yOf(v, box, lo, hi)];
    if (open) doc.lineTo(x, y);
    else doc.moveTo(x, y);
    open = true;
  });
  doc.lineWidth(1.2).stroke(tile.tone === 'provisional' ? MUTED : LINE);
  tile.trend.forEach((v, i) => {
    if (v === null) return;
    const last = i === n - 1;
    doc.circle(xOf(i), yOf(v, box, lo, hi), last ? 1.8 : 1.1);
    // The last point of a provisional figure is open: not a verdict.
    if (last && tile.tone === 'provisional') doc.lineWidth(0.8).stroke(MUTED);
    else doc.fill(tile.tone === 'provisional' ? MUTED : LINE);
  });
  if (tile.low !== null && tile.high !== null) {
    const x = xOf(n - 1);
    doc
      .moveTo(x, yOf(tile.low, box, lo, hi))
      .lineTo(x, yOf(tile.high, box, lo, hi))
      .lineWidth(2.4)
      .strokeOpacity(0.35)
      .stroke(tile.tone === 'provisional' ? MUTED : LINE);
  }
  doc.restore();
  put(doc, String(hi), box.x - 10, box.y - 2, 9, { size: 5, color: MUTED, align: 'right' });
  put(doc, String(lo), box.x - 10, box.y + box.h - 4, 9, { size: 5, color: MUTED, align: 'right' });
}

/** One value: name, status (or "voorlopig (n = 3)"), grade with interval and index, self-image, signed gap, trend. */
export function drawTile(doc: Doc, tile: TileModel, box: Box, gradeScale: string): void {
  const tone = TONE[tile.tone];
  doc.save();
  doc.roundedRect(box.x, box.y, box.w, box.h, 3).lineWidth(0.6).fillAndStroke('#ffffff', '#dee2e6');
  if (tile.tone === 'provisional') doc.dash(2.5, { space: 1.5 });
  doc
    .moveTo(box.x + 1.5, box.y + 2)
    .lineTo(box.x + 1.5, box.y + box.h - 2)
    .lineWidth(3)
    .stroke(tone.edge);
  doc.restore();
  const x = box.x + 7;
  const w = box.w - 11;
  let y = box.y + 4;
  y += put(doc, tile.name, x, y, w, { size: 8.5, bold: true });
  doc.roundedRect(x, y + 0.5, w, 9, 2).fill(tone.fill);
  put(doc, tile.statusText, x + 2, y + 1.8, w - 4, { size: 6.5, color: INK });
  y += 11;
  const gradeWidth = doc.font(PDF_FONT.bold).fontSize(14).widthOfString(tile.grade);
  put(doc, tile.grade, x, y, w, { size: 14, bold: true });
  if (tile.grade !== '–') put(doc, gradeScale, x + gradeWidth + 1, y + 5, 20, { size: 6.5, color: MUTED });
  put(doc, tile.index, x + gradeWidth + 16, y + 1, w - gradeWidth - 16, { size: 6.5, color: MUTED });
  put(doc, tile.interval, x + gradeWidth + 16, y + 8.5, w - gradeWidth - 16, { size: 6.5, color: MUTED });
  y += 17;
  const lineH = 7.6;
  for (const line of [tile.self, tile.gap, tile.change].filter((l): l is string => !!l)) {
    put(doc, line, x, y, w, { size: 6.5, color: INK });
    y += lineH;
  }
  // The trend strip along the bottom of the tile, the target named above its right end.
  const sparkH = Math.min(18, box.y + box.h - 5 - (y + 7));
  if (sparkH < 8) return;
  put(doc, tile.targetText, x, y, w, { size: 5.5, color: MUTED, align: 'right' });
  drawSparkline(doc, tile, { x: x + 10, y: y + 7, w: w - 12, h: sparkH });
}
