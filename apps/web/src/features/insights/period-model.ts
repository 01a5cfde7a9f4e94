import type { PeriodKind } from '@wk/contracts';
import {
  defaultPeriods,
  isPeriodKey as isDomainPeriodKey,
  periodMonths,
  periodOfMonth,
  previousPeriod,
} from '@wk/domain';

/**
 * Period keys of the insights API: calendar months (`2026-11`) and quarters (`2026-Q4`). Reads
 * them from the URL and picks the range a chart asks for; the period arithmetic is the domain's.
 */

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** How far back the period selector reaches. */
export const SELECTABLE: Record<PeriodKind, number> = { quarter: 8, month: 24 };

export function parsePeriodKind(value: string | null | undefined): PeriodKind {
  return value === 'month' ? 'month' : 'quarter';
}

/** Whether `key` is a period key of that kind (URL input is not trusted). */
export function isPeriodKey(kind: PeriodKind, key: string | null | undefined): key is string {
  return !!key && isDomainPeriodKey(kind, key);
}

/** The period that contains `date` (the reader's clock; the api's own time zone may differ by hours at an edge). */
export function periodOf(kind: PeriodKind, date: Date): string {
  return periodOfMonth(kind, `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`);
}

/** The selectable periods, newest first, ending with the one containing `now`. */
export function periodOptions(kind: PeriodKind, now: Date, count = SELECTABLE[kind]): string[] {
  const keys = [periodOf(kind, now)];
  while (keys.length < count) keys.push(previousPeriod(kind, keys[keys.length - 1]));
  return keys;
}

/** `from`..`to` of a trend that ends at `at`: the api's default span (4 quarters, 12 months). */
export function trendRange(kind: PeriodKind, at: string): { from: string; to: string } {
  return defaultPeriods(kind, periodMonths(kind, at).first);
}

/** "Q3 2026" or "november 2026" / "November 2026". */
export function periodLabel(key: string, lang: string): string {
  const quarter = QUARTER.exec(key);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const month = MONTH.exec(key);
  if (!month) return key;
  const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The board report PDF of one period, made by the api. */
export function reportPdfUrl(kind: PeriodKind, at: string): string {
  return `/api/insights/report.pdf?${new URLSearchParams({ period: kind, at }).toString()}`;
}
