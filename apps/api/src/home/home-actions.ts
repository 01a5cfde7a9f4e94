import type { ActionSummary, HomeActions } from '@wk/contracts';

/** How many actions a home card lists (the counts cover all of them). */
export const HOME_ACTION_ITEMS = 5;

/** Still to do: open or in progress (done and dropped are finished). */
export const stillToDo = (a: ActionSummary) => a.status === 'open' || a.status === 'in_progress';

/**
 * Counts of the actions still to do and the first few: all of them (`open`, overdue first) or
 * only the overdue ones (`overdue`, HR's view of the whole organisation).
 */
export function actionsCard(
  open: ActionSummary[],
  today: string,
  userId: string,
  list: 'open' | 'overdue',
): HomeActions {
  const isOverdue = (a: ActionSummary) => a.dueDate < today;
  const overdue = open.filter(isOverdue);
  const items = (list === 'open' ? open : overdue)
    .slice()
    .sort(
      (a, b) =>
        Number(isOverdue(b)) - Number(isOverdue(a)) ||
        a.dueDate.localeCompare(b.dueDate) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, HOME_ACTION_ITEMS)
    .map((a) => ({
      id: a.id,
      what: a.what,
      focusTitle: a.focusTitle,
      valueName: a.cell.valueName,
      valueNameEn: a.cell.valueNameEn,
      teamName: a.cell.teamName,
      ownerName: a.owner.name,
      mine: a.owner.id === userId,
      dueDate: a.dueDate,
      status: a.status,
      overdue: isOverdue(a),
    }));
  return { open: open.length, overdue: overdue.length, items };
}
