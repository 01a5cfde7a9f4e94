/**
 * Which customer comments may be read with their context (docs/anonymity.md, "Reading comments").
 *
 * A comment is shown with its survey, journey and touchpoint, so the unit of release is a cell:
 * one group (a wave, or the survey's open link) × journey × touchpoint. The decision is a property
 * of the data, never of a request: every filter only selects among released cells.
 *
 * Per group: a cell below the comment minimum of responses is withheld; while the withheld cells of
 * a group hold 1 to minimum − 1 responses, the smallest released cell is withheld too. So the
 * comments of a group that are shown elsewhere without context (the survey page, the export)
 * minus the released cells always leave 0 or at least the minimum responses, over several contexts.
 */
export interface CommentCell {
  /** The group: survey and wave (or open link). */
  group: string;
  /** The cell inside the group: journey × touchpoint. */
  cell: string;
  responses: number;
}

/** The keys (`group` + '|' + `cell`) of the cells whose comments may be read. */
export function releasedCommentCells(cells: readonly CommentCell[], minimum: number): Set<string> {
  const byGroup = new Map<string, CommentCell[]>();
  for (const c of cells) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
  const released = new Set<string>();
  for (const group of byGroup.values()) {
    const shown = group
      .filter((c) => c.responses >= minimum)
      .sort((a, b) => a.responses - b.responses || a.cell.localeCompare(b.cell));
    let withheld = group.filter((c) => c.responses < minimum).reduce((sum, c) => sum + c.responses, 0);
    while (shown.length && withheld > 0 && withheld < minimum) withheld += shown.shift()!.responses;
    for (const c of shown) released.add(commentCellKey(c.group, c.cell));
  }
  return released;
}

export const commentCellKey = (group: string, cell: string) => `${group}|${cell}`;
