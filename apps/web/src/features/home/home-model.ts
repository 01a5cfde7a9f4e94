import type { HomeBelowTarget, HomeOverview } from '@wk/contracts';
import { formatNumber } from '../../lib/number-format';

/** A `YYYY-MM-DD` day in the reader's language ("4 dec 2026"), never shifted by the time zone. */
export function formatDay(day: string, lang: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A participation or response rate 0-1 as a whole percentage; "–" without one. */
export const formatRate = (rate: number | null, lang: string): string =>
  rate === null ? '–' : formatNumber(rate, 'share', lang);

/** What the values-below-target card says: no reliable grade at all, all on target, or the list. */
export function belowTargetState(b: HomeBelowTarget): 'noData' | 'none' | 'list' {
  if (b.values.length) return 'list';
  return b.measured ? 'none' : 'noData';
}

/**
 * The review card shows for managers always (an empty card says nothing waits) and for HR and
 * admins only when they review someone.
 */
export const showsReviews = (home: HomeOverview): boolean =>
  home.reviews !== null && (home.role === 'manager' || home.reviews.length > 0);

/** The employee's own self-assessment card comes first while a form waits for an answer. */
export const formWaiting = (home: HomeOverview): boolean =>
  home.selfAssessments.open.some((f) => f.completedAt === null);
