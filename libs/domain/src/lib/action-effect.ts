/**
 * Whether an action worked (issue 17): the KPI of its cell in the period before the action was
 * made against the period after its due date, with the same Welch test as "significant change".
 */
import type { SampleSummary } from './scoring/descriptive';
import { welchTestFromSummaries } from './scoring/welch';
import { type CalendarPeriodKind, periodMonths, periodOfMonth, previousPeriod } from './periods';

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** improved / worse: a significant change (Welch p < 0.05); no_change: a test without one; insufficient: no test possible. */
export type ActionVerdict = 'improved' | 'no_change' | 'worse' | 'insufficient';

export interface ActionEffect {
  verdict: ActionVerdict;
  /** after - before (the KPI's own scale); null without both means. */
  difference: number | null;
  /** Welch's two-sided p; null when no test is possible. */
  p: number | null;
}

/**
 * The verdict on before/after summaries. `minimumN` guards both sides (e.g. the anonymity minimum
 * for the self score): below it nothing is said, so that a verdict never reveals a small group.
 */
export function actionEffect(before: SampleSummary, after: SampleSummary, minimumN = 2): ActionEffect {
  const difference = before.mean !== null && after.mean !== null ? after.mean - before.mean : null;
  if (before.n < minimumN || after.n < minimumN) return { verdict: 'insufficient', difference, p: null };
  const test = welchTestFromSummaries(before, after);
  if (!test) return { verdict: 'insufficient', difference, p: null };
  const verdict = !test.significant ? 'no_change' : test.difference > 0 ? 'improved' : 'worse';
  return { verdict, difference: test.difference, p: test.p };
}

/** The next calendar period after `key`: the one its first day-after falls in. */
const nextPeriod = (kind: CalendarPeriodKind, key: string) =>
  periodOfMonth(kind, periodMonths(kind, key).afterLast);

export interface EffectWindow {
  /** The period before the one the action was created in. */
  before: string;
  /** The period after the one the due date falls in. */
  after: string;
}

/**
 * Which periods an action is measured on. `createdMonth` and `dueDate` are `YYYY-MM…` in the
 * organisation's time zone. `todayMonth` decides whether the after period is complete: until
 * then the effect is pending (null).
 */
export function effectWindow(
  kind: CalendarPeriodKind,
  createdMonth: string,
  dueDate: string,
  todayMonth: string,
): EffectWindow & { complete: boolean } {
  const before = previousPeriod(kind, periodOfMonth(kind, createdMonth));
  const after = nextPeriod(kind, periodOfMonth(kind, dueDate));
  const current = periodOfMonth(kind, todayMonth);
  // Complete once the current period lies beyond it (keys of one kind sort in time order).
  return { before, after, complete: current > after };
}
