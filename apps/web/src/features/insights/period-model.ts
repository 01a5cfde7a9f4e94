import type { CalendarPeriodKind, PeriodInfo, PeriodKind } from '@wk/contracts';
import {
  DEFAULT_EVENT_PERIODS,
  defaultPeriods,
  lastCompletePeriod,
  isPeriodKey as isDomainPeriodKey,
  periodMonths,
  periodOfMonth,
  previousPeriod,
} from '@wk/domain';

/**
 * Period keys of the insights API: calendar months (`2026-11`) and quarters (`2026-Q4`), or the
 * ids of rounds and waves. Reads them from the URL and picks the range a chart asks for; the
 * period arithmetic is the domain's.
 */

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** How far back the period selector reaches. */
export const SELECTABLE: Record<CalendarPeriodKind, number> = { quarter: 8, month: 24 };

/** The kind in the URL: quarter unless month, or round / wave on the pages that show them (`events`). */
export function parsePeriodKind(value: string | null | undefined, events = false): PeriodKind {
  if (value === 'month') return 'month';
  if (events && (value === 'round' || value === 'wave')) return value;
  return 'quarter';
}

/** Whether `key` is a period key of that kind (URL input is not trusted). */
export function isPeriodKey(kind: CalendarPeriodKind, key: string | null | undefined): key is string {
  return !!key && isDomainPeriodKey(kind, key);
}

/** The period that contains `date` (the reader's clock; the api's own time zone may differ by hours at an edge). */
export function periodOf(kind: CalendarPeriodKind, date: Date): string {
  return periodOfMonth(kind, `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`);
}

/** The last complete month or quarter before `now`: the default, since the current one is still filling. */
export function lastComplete(kind: CalendarPeriodKind, now: Date = new Date()): string {
  return lastCompletePeriod(kind, periodOf('month', now));
}

/** The selectable periods, newest first, ending with the one containing `now`. */
export function periodOptions(kind: CalendarPeriodKind, now: Date, count = SELECTABLE[kind]): string[] {
  const keys = [periodOf(kind, now)];
  while (keys.length < count) keys.push(previousPeriod(kind, keys[keys.length - 1]));
  return keys;
}

/** `from`..`to` of a trend that ends at `at`: the api's default span (4 quarters, 12 months). */
export function trendRange(kind: CalendarPeriodKind, at: string): { from: string; to: string } {
  return defaultPeriods(kind, periodMonths(kind, at).first);
}

export interface EventSelection {
  at: string;
  /** The cycle of the round or the survey of the wave: the series the trend runs in. */
  seriesId: string | null;
  range: { from: string; to: string };
}

/**
 * The round or wave in the URL (else the newest) among the choices (newest first), and the trend
 * that ends at it: up to the api's default number of rounds or waves before it in the same series.
 */
export function eventSelection(choices: PeriodInfo[], rawAt: string | null): EventSelection | null {
  const chosen = choices.find((c) => c.key === rawAt) ?? choices[0];
  if (!chosen) return null;
  const series = choices.filter((c) => c.seriesId === chosen.seriesId);
  const index = series.indexOf(chosen);
  const first = series[Math.min(series.length - 1, index + DEFAULT_EVENT_PERIODS - 1)];
  return { at: chosen.key, seriesId: chosen.seriesId, range: { from: first.key, to: chosen.key } };
}

/** Rounds and waves seen in any api answer, by id: their names for labels. */
const events = new Map<string, PeriodInfo>();

export function rememberPeriods(infos: readonly PeriodInfo[] | undefined): void {
  for (const info of infos ?? [])
    if (info.kind === 'round' || info.kind === 'wave') events.set(info.key, info);
}

/** "6 okt 2026" / "6 Oct 2026": the day a round or wave opened. */
export function openingDay(info: PeriodInfo, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium' }).format(
    new Date(info.start),
  );
}

/** "Kwartaalmeting · 6 okt 2026": the cycle or survey and the day it opened. */
export function eventLabel(info: PeriodInfo, lang: string): string {
  const day = openingDay(info, lang);
  return info.seriesName ? `${info.seriesName} · ${day}` : day;
}

/** "Q3 2026", "november 2026" / "November 2026", or a round or wave by its name and date. */
export function periodLabel(key: string, lang: string): string {
  const quarter = QUARTER.exec(key);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const month = MONTH.exec(key);
  const event = events.get(key);
  if (!month) return event ? eventLabel(event, lang) : key;
  const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The board report PDF of one period, made by the api. */
export function reportPdfUrl(
  kind: CalendarPeriodKind,
  at: string,
  filter: { teamId?: string; valueKey?: string } = {},
): string {
  const query = new URLSearchParams({ period: kind, at });
  if (filter.teamId) query.set('teamId', filter.teamId);
  if (filter.valueKey) query.set('valueKey', filter.valueKey);
  return `/api/insights/report.pdf?${query.toString()}`;
}
