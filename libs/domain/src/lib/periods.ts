/**
 * Reporting periods of the dashboard: calendar months (`2026-11`) and quarters (`2026-Q4`).
 * Months are the unit the rollups are kept in; a quarter is the sum of its three months.
 */
export type PeriodKind = 'month' | 'quarter';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isPeriodKey(kind: PeriodKind, key: string): boolean {
  return (kind === 'month' ? MONTH : QUARTER).test(key);
}

/** A period as a count of months or quarters since year 0, so that ranges are simple arithmetic. */
function ordinal(kind: PeriodKind, key: string): number {
  const match = (kind === 'month' ? MONTH : QUARTER).exec(key);
  if (!match) throw new RangeError(`not a ${kind}: ${key}`);
  return Number(match[1]) * (kind === 'month' ? 12 : 4) + Number(match[2]) - 1;
}

function keyOf(kind: PeriodKind, n: number): string {
  const perYear = kind === 'month' ? 12 : 4;
  const year = Math.floor(n / perYear);
  const index = (n % perYear) + 1;
  return kind === 'month' ? `${year}-${String(index).padStart(2, '0')}` : `${year}-Q${index}`;
}

/** The period a month (`YYYY-MM` or a `YYYY-MM-DD` first day) falls in. */
export function periodOfMonth(kind: PeriodKind, month: string): string {
  const [year, m] = month.slice(0, 7).split('-').map(Number);
  return kind === 'month' ? `${year}-${String(m).padStart(2, '0')}` : `${year}-Q${Math.ceil(m / 3)}`;
}

/** Every period from `from` to `to`, inclusive, in order. */
export function periodRange(kind: PeriodKind, from: string, to: string): string[] {
  const start = ordinal(kind, from);
  const end = ordinal(kind, to);
  return Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => keyOf(kind, start + i));
}

export function previousPeriod(kind: PeriodKind, key: string): string {
  return keyOf(kind, ordinal(kind, key) - 1);
}

/** The first day of the first month and the first day after the last month of a period (`YYYY-MM-DD`). */
export function periodMonths(kind: PeriodKind, key: string): { first: string; afterLast: string } {
  const first = kind === 'month' ? ordinal('month', key) : ordinal('quarter', key) * 3;
  const next = first + (kind === 'month' ? 1 : 3);
  return { first: `${keyOf('month', first)}-01`, afterLast: `${keyOf('month', next)}-01` };
}

/** The default range: the last 4 quarters or 12 months up to and including the period of `today` (`YYYY-MM`). */
export function defaultPeriods(kind: PeriodKind, todayMonth: string): { from: string; to: string } {
  const to = periodOfMonth(kind, todayMonth);
  return { from: keyOf(kind, ordinal(kind, to) - (kind === 'month' ? 11 : 3)), to };
}

export const MAX_PERIODS = 36;
