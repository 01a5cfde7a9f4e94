/**
 * Reporting periods of the dashboard: calendar months (`2026-11`) and quarters (`2026-Q4`), or the
 * measurements themselves: a self-assessment round or a survey wave, keyed by its id.
 * Months are the unit the rollups are kept in; a quarter is the sum of its three months.
 */
export type CalendarPeriodKind = 'month' | 'quarter';
/** A round has only employee answers, a wave only customer answers: the gap needs a calendar period. */
export type EventPeriodKind = 'round' | 'wave';
export type PeriodKind = CalendarPeriodKind | EventPeriodKind;

export const CALENDAR_PERIOD_KINDS: readonly CalendarPeriodKind[] = ['month', 'quarter'];
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'round', 'wave'];

export function isCalendarPeriod(kind: PeriodKind): kind is CalendarPeriodKind {
  return kind === 'month' || kind === 'quarter';
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isPeriodKey(kind: CalendarPeriodKind, key: string): boolean {
  return (kind === 'month' ? MONTH : QUARTER).test(key);
}

/** A period as a count of months or quarters since year 0, so that ranges are simple arithmetic. */
function ordinal(kind: CalendarPeriodKind, key: string): number {
  const match = (kind === 'month' ? MONTH : QUARTER).exec(key);
  if (!match) throw new RangeError(`not a ${kind}: ${key}`);
  return Number(match[1]) * (kind === 'month' ? 12 : 4) + Number(match[2]) - 1;
}

function keyOf(kind: CalendarPeriodKind, n: number): string {
  const perYear = kind === 'month' ? 12 : 4;
  const year = Math.floor(n / perYear);
  const index = (n % perYear) + 1;
  return kind === 'month' ? `${year}-${String(index).padStart(2, '0')}` : `${year}-Q${index}`;
}

/** The period a month (`YYYY-MM` or a `YYYY-MM-DD` first day) falls in. */
export function periodOfMonth(kind: CalendarPeriodKind, month: string): string {
  const [year, m] = month.slice(0, 7).split('-').map(Number);
  return kind === 'month' ? `${year}-${String(m).padStart(2, '0')}` : `${year}-Q${Math.ceil(m / 3)}`;
}

/** Every period from `from` to `to`, inclusive, in order. */
export function periodRange(kind: CalendarPeriodKind, from: string, to: string): string[] {
  const start = ordinal(kind, from);
  const end = ordinal(kind, to);
  return Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => keyOf(kind, start + i));
}

export function previousPeriod(kind: CalendarPeriodKind, key: string): string {
  return keyOf(kind, ordinal(kind, key) - 1);
}

/**
 * The last complete month or quarter before the month `todayMonth` (`YYYY-MM`, in the
 * organisation's time zone): the default everywhere a period is not chosen, because the current one
 * is still filling and its small numbers would read as a verdict.
 */
export function lastCompletePeriod(kind: CalendarPeriodKind, todayMonth: string): string {
  return previousPeriod(kind, periodOfMonth(kind, todayMonth));
}

/** The first day of the first month and the first day after the last month of a period (`YYYY-MM-DD`). */
export function periodMonths(kind: CalendarPeriodKind, key: string): { first: string; afterLast: string } {
  const first = kind === 'month' ? ordinal('month', key) : ordinal('quarter', key) * 3;
  const next = first + (kind === 'month' ? 1 : 3);
  return { first: `${keyOf('month', first)}-01`, afterLast: `${keyOf('month', next)}-01` };
}

/** The default range: the last 4 quarters or 12 months up to and including the period of `today` (`YYYY-MM`). */
export function defaultPeriods(kind: CalendarPeriodKind, todayMonth: string): { from: string; to: string } {
  const to = periodOfMonth(kind, todayMonth);
  return { from: keyOf(kind, ordinal(kind, to) - (kind === 'month' ? 11 : 3)), to };
}

export const MAX_PERIODS = 36;

/** How many rounds or waves a report shows when no range is asked for. */
export const DEFAULT_EVENT_PERIODS = 4;

export type EventRange = { periods: string[]; before: string | null } | { invalid: 'from' | 'to' };

/**
 * The rounds or waves of a report from a series in time order (oldest first), by id, with the
 * one before the first (for its change). Like calendar periods: only `to` is that one, only
 * `from` runs to the latest, neither is the latest {@link DEFAULT_EVENT_PERIODS}.
 */
export function eventRange(ordered: readonly string[], from?: string, to?: string): EventRange {
  const end = to === undefined ? ordered.length - 1 : ordered.indexOf(to);
  if (end < 0 && to !== undefined) return { invalid: 'to' };
  const start =
    from !== undefined
      ? ordered.indexOf(from)
      : to !== undefined
        ? end
        : Math.max(0, end - DEFAULT_EVENT_PERIODS + 1);
  if (start < 0) return { invalid: 'from' };
  if (start > end) return ordered.length ? { invalid: 'from' } : { periods: [], before: null };
  return { periods: ordered.slice(start, end + 1), before: start > 0 ? ordered[start - 1] : null };
}
