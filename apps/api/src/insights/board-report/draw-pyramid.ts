import type { BoardReportModel } from './board-report-model';
import { type Box, type Doc, heading, MUTED, put, RULE, TONE } from './pdf-style';

/**
 * The experience pyramid (verrassend on top, basis at the bottom): each level a band that widens
 * downwards, holding its values as chips coloured by status (provisional: neutral, dashed edge).
 */
export function drawPyramid(doc: Doc, model: BoardReportModel, box: Box): void {
  heading(doc, model.words.pyramid, box.x, box.y, box.w);
  const top = box.y + 16;
  const rows = model.pyramid;
  const gap = 3;
  const bandH = (box.h - 16 - gap * (rows.length - 1)) / rows.length;
  const cx = box.x + box.w / 2;
  rows.forEach((row, i) => {
    // Widths from 46% (top band's top edge) to 100% (bottom band's bottom edge).
    const widthAt = (k: number) => box.w * (0.46 + (0.54 * k) / rows.length);
    const y = top + i * (bandH + gap);
    const wTop = widthAt(i);
    const wBottom = widthAt(i + 1);
    doc
      .polygon(
        [cx - wTop / 2, y],
        [cx + wTop / 2, y],
        [cx + wBottom / 2, y + bandH],
        [cx - wBottom / 2, y + bandH],
      )
      .lineWidth(0.6)
      .fillAndStroke('#ffffff', RULE);
    const inner = wTop - 16;
    const left = cx - inner / 2;
    put(doc, row.label, left, y + 2, inner, { size: 7, bold: true, color: MUTED, align: 'center' });
    const chips = row.chips;
    if (!chips.length) return;
    const chipGap = 3;
    const chipW = (inner - chipGap * (chips.length - 1)) / chips.length;
    const chipH = bandH - 13;
    chips.forEach((chip, j) => {
      const x = left + j * (chipW + chipGap);
      const tone = TONE[chip.tone];
      doc.save();
      if (chip.tone === 'provisional') doc.dash(2, { space: 1.5 });
      doc
        .roundedRect(x, y + 11, chipW, chipH, 2)
        .lineWidth(0.8)
        .fillAndStroke(tone.fill, tone.edge);
      doc.restore();
      put(doc, chip.name, x + 2, y + 12.5, chipW - 4, { size: 6.5, bold: true, align: 'center' });
      put(doc, chip.text, x + 2, y + 12.5 + 8, chipW - 4, { size: 6, align: 'center' });
    });
  });
}
