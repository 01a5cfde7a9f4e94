import type { PeriodKind } from '@wk/contracts';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { isPeriodKey, parsePeriodKind, periodOf, trendRange } from './period-model';

/**
 * The filters of every insights page live in the URL (`?period=quarter&at=2026-Q3&teamId=…`), so a
 * view can be bookmarked, shared and reloaded. Missing or malformed values fall back to defaults.
 */
export function useInsightsParams() {
  const [params, setParams] = useSearchParams();
  const kind: PeriodKind = parsePeriodKind(params.get('period'));
  const rawAt = params.get('at');
  const at = isPeriodKey(kind, rawAt) ? rawAt : periodOf(kind, new Date());
  const range = useMemo(() => trendRange(kind, at), [kind, at]);

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
    at,
    range,
    get: (key: string) => params.get(key),
    /** A new kind drops the chosen period: a quarter key means nothing as a month. */
    setKind: (next: PeriodKind) => update({ period: next, at: null }),
    setAt: (next: string) => update({ at: next }),
    update,
    /** The current search string, to carry the period along on links to other insights pages. */
    search: params.toString() ? `?${params.toString()}` : '',
    periodSearch: `?${new URLSearchParams({ period: kind, at }).toString()}`,
  };
}
