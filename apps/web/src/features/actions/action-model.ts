import type { ActionStatus, ActionSummary } from '@wk/contracts';
import { type CalendarPeriodKind, periodOfMonth } from '@wk/domain';

export const STATUS_COLOR: Record<ActionStatus, string> = {
  open: 'blue',
  in_progress: 'yellow',
  done: 'teal',
  dropped: 'gray',
};

/** Still to do and its date has passed (`today` is `YYYY-MM-DD`). */
export const isOverdue = (a: Pick<ActionSummary, 'status' | 'dueDate'>, today: string) =>
  (a.status === 'open' || a.status === 'in_progress') && a.dueDate < today;

/** Today as `YYYY-MM-DD` in the reader's time zone. */
export const todayIso = (now = new Date()) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** The teams that occur in a list of actions, by name (the filter offers only those). */
export function teamsOf(actions: readonly ActionSummary[]): { value: string; label: string }[] {
  const teams = new Map<string, string>();
  for (const a of actions) if (a.cell.teamId) teams.set(a.cell.teamId, a.cell.teamName ?? '');
  return [...teams]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export interface TrendMarker {
  period: string;
  label: string;
  id: string;
}

/** One marker per action on a trend of calendar periods: at the period its due date falls in, if shown. */
export function trendMarkers(
  actions: readonly ActionSummary[],
  kind: CalendarPeriodKind,
  periods: readonly string[],
  label: (a: ActionSummary) => string,
): TrendMarker[] {
  const shown = new Set(periods);
  return actions
    .filter((a) => a.status !== 'dropped')
    .map((a) => ({ period: periodOfMonth(kind, a.dueDate), label: label(a), id: a.id }))
    .filter((m) => shown.has(m.period));
}
