import type { BoardReportModel } from './board-report-model';
import { type Box, type Doc, heading, INK, LINE, MUTED, put, RULE } from './pdf-style';

/**
 * The heart monitor of the main journey: the average customer grade per touchpoint as a line in
 * journey order, peaks and dips marked and named, moments of truth shaded, provisional points open.
 */
export function drawHeart(doc: Doc, model: BoardReportModel, box: Box): void {
  const h = model.heart;
  heading(doc, h.title, box.x, box.y, box.w);
  const words = model.words;
  if ('empty' in h) {
    put(doc, h.empty, box.x, box.y + 16, box.w, { size: 8, color: MUTED });
    return;
  }
  put(doc, words.heartNote, box.x, box.y + 13, box.w, { size: 6.5, color: MUTED });
  const plot: Box = { x: box.x + 16, y: box.y + 30, w: box.w - 22, h: box.h - 30 - 22 };
  const points = h.points;
  const step = plot.w / points.length;
  const xOf = (i: number) => plot.x + step * (i + 0.5);
  const yOf = (grade: number) => plot.y + plot.h - ((grade - 1) / 9) * plot.h;
  // Moments of truth: a shaded column behind the line.
  points.forEach((p, i) => {
    if (p.momentOfTruth) doc.rect(plot.x + step * i + 1, plot.y, step - 2, plot.h).fill('#fff9db');
  });
  for (const g of [1, 4, 7, 10]) {
    doc
      .moveTo(plot.x, yOf(g))
      .lineTo(plot.x + plot.w, yOf(g))
      .lineWidth(0.4)
      .stroke(RULE);
    put(doc, String(g), plot.x - 14, yOf(g) - 2.5, 10, { size: 5.5, color: MUTED, align: 'right' });
  }
  doc.save();
  let open = false;
  points.forEach((p, i) => {
    if (p.grade === null) {
      open = false;
      return;
    }
    if (open) doc.lineTo(xOf(i), yOf(p.grade));
    else doc.moveTo(xOf(i), yOf(p.grade));
    open = true;
  });
  doc.lineWidth(1.6).stroke(LINE);
  doc.restore();
  const labelW = Math.max(30, step - 4);
  points.forEach((p, i) => {
    const x = xOf(i);
    if (p.grade !== null) {
      const y = yOf(p.grade);
      doc.circle(x, y, 2.4);
      if (p.provisional) doc.lineWidth(1).fillAndStroke('#ffffff', MUTED);
      else doc.fill(LINE);
      const mark = p.peak ? words.peak : p.dip ? words.dip : null;
      if (mark) {
        // A triangle pointing the way of the extreme, with the word beside the grade.
        const dy = p.peak ? -1 : 1;
        doc
          .polygon([x - 3, y + dy * 6], [x + 3, y + dy * 6], [x, y + dy * 10])
          .fill(p.peak ? '#2b8a3e' : '#c92a2a');
      }
      const label = mark ? `${p.label} ${mark}` : p.label;
      put(doc, label, x - labelW / 2, p.dip ? y + 12 : p.peak ? y - 19 : y - 11, labelW, {
        size: 6.5,
        bold: true,
        align: 'center',
      });
    }
    put(doc, p.name, x - labelW / 2, plot.y + plot.h + 3, labelW, { size: 6.5, color: INK, align: 'center' });
    if (p.momentOfTruth)
      put(doc, words.momentOfTruth, x - labelW / 2, plot.y + plot.h + 11, labelW, {
        size: 5.5,
        color: MUTED,
        align: 'center',
      });
  });
}
