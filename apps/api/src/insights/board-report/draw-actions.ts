import { fillWords } from '@wk/domain';
import type { BoardReportModel } from './board-report-model';
import { type Box, type Doc, heading, MUTED, put, RULE } from './pdf-style';

export const ACTION_ROW_HEIGHT = 19;

/** How many action rows fit in a box of height `h` (heading, column heads, the "and N more" line). */
export const actionRowsThatFit = (h: number) =>
  Math.max(0, Math.floor((h - 14 - 10 - 9) / ACTION_ROW_HEIGHT));

/** Actions and their effect: what (with the KPI cell it came from), owner, due date, status, measured effect. */
export function drawActions(doc: Doc, model: BoardReportModel, box: Box): void {
  const w = model.words;
  heading(doc, w.actions, box.x, box.y, box.w);
  if (!model.actions.length) {
    put(doc, w.actionsNone, box.x, box.y + 16, box.w, { size: 8, color: MUTED });
    return;
  }
  const cols = [
    [w.actionColumns.what, 0.42],
    [w.actionColumns.owner, 0.14],
    [w.actionColumns.due, 0.1],
    [w.actionColumns.status, 0.09],
    [w.actionColumns.effect, 0.25],
  ] as const;
  const xs: number[] = [];
  cols.reduce((x, [, share]) => (xs.push(x), x + share * box.w), box.x);
  let y = box.y + 14;
  cols.forEach(([label, share], i) =>
    put(doc, label, xs[i], y, share * box.w - 4, { size: 6.5, bold: true, color: MUTED }),
  );
  y += 9;
  const shown = model.actions.slice(0, actionRowsThatFit(box.h));
  for (const a of shown) {
    doc
      .moveTo(box.x, y)
      .lineTo(box.x + box.w, y)
      .lineWidth(0.4)
      .stroke(RULE);
    const cell = (i: number) => cols[i][1] * box.w - 4;
    put(doc, a.what, xs[0], y + 2, cell(0), { size: 7, bold: true });
    put(doc, a.cell, xs[0], y + 10.5, cell(0), { size: 6, color: MUTED });
    put(doc, a.owner, xs[1], y + 2, cell(1), { size: 7, lines: 2 });
    put(doc, a.due, xs[2], y + 2, cell(2), { size: 7 });
    put(doc, a.status, xs[3], y + 2, cell(3), { size: 7 });
    put(doc, a.effect, xs[4], y + 2, cell(4), { size: 7, lines: 2 });
    y += ACTION_ROW_HEIGHT;
  }
  const hidden = model.actions.length - shown.length + model.moreActions;
  if (hidden > 0)
    put(doc, fillWords(w.moreActions, { count: hidden }), box.x, y + 1, box.w, { size: 6.5, color: MUTED });
}
