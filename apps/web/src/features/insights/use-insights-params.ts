import type { CalendarPeriodKind, PeriodKind } from '@wk/contracts';
import { useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { usePeriodChoices } from './insights-api';
import { eventSelection, isPeriodKey, lastComplete, parsePeriodKind, trendRange } from './period-model';

/**
 * Pages that need both sides in one period (the gap, the heart monitor's journeys over all surveys,
 * the board report): calendar periods only. The others also show a round or a wave on its own.
 */
const CALENDAR_ONLY = ['/insights/gap', '/insights/journeys', '/insights/report'];

/** The period part of every insights query: its kind and, for rounds and waves, their cycle or survey. */
export interface PeriodBase {
  period: PeriodKind;
  cycleId?: string;
  surveyId?: string;
}

/**
 * The filters of every insights page live in the URL (`?period=quarter&at=2026-Q3&teamId=…`), so a
 * view can be bookmarked, shared and reloaded. Missing or malformed values fall back to defaults:
 * the last complete month or quarter (the current one is still filling), or the newest round or wave.
 */
export function useInsightsParams() {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const eventsShown = !CALENDAR_ONLY.some((page) => pathname.startsWith(page));
  const kind: PeriodKind = parsePeriodKind(params.get('period'), eventsShown);
  const isEvent = kind === 'round' || kind === 'wave';
  const calendarKind: CalendarPeriodKind = kind === 'month' ? 'month' : 'quarter';
  const choices = usePeriodChoices(kind);
  const rawAt = params.get('at');
  const selection = useMemo(
    () => (isEvent ? eventSelection(choices.data ?? [], rawAt) : null),
    [isEvent, choices.data, rawAt],
  );
  const at = isEvent
    ? (selection?.at ?? '')
    : isPeriodKey(calendarKind, rawAt)
      ? rawAt
      : lastComplete(calendarKind);
  const range = useMemo(
    () => (isEvent ? (selection?.range ?? { from: at, to: at }) : trendRange(calendarKind, at)),
    [isEvent, selection, calendarKind, at],
  );
  const series = selection?.seriesId ?? undefined;
  const base: PeriodBase =
    kind === 'round'
      ? { period: kind, cycleId: series }
      : kind === 'wave'
        ? { period: kind, surveyId: series }
        : { period: kind };

  /** Sets (or with null/'' removes) search params, keeping the others; replaces the history entry. */
  const update = (changes: Record<string, string | null | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes))
          if (value === null || value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  return {
    kind,
    /** The calendar kind a calendar-only page uses. */
    calendarKind,
    /** Whether this page can show a round or a wave on its own. */
    eventsShown,
    at,
    range,
    /** One period (`at`) and the trend up to it, as query parameters. */
    atQuery: { ...base, from: at, to: at },
    rangeQuery: { ...base, ...range },
    /** Rounds or waves to choose from (newest first); idle for calendar kinds. */
    choices,
    get: (key: string) => params.get(key),
    /** A new kind drops the chosen period: a quarter key means nothing as a month. */
    setKind: (next: PeriodKind) => update({ period: next, at: null }),
    setAt: (next: string) => update({ at: next }),
    update,
    /** The current search string, to carry the period along on links to other insights pages. */
    search: params.toString() ? `?${params.toString()}` : '',
    periodSearch: at ? `?${new URLSearchParams({ period: kind, at }).toString()}` : `?period=${kind}`,
  };
}
