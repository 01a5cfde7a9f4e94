import type { CommentsQuery } from '@wk/contracts';
import { defaultPeriods, isPeriodKey, type CalendarPeriodKind } from '@wk/domain';

/** The filters of the comments page, as kept in the address (so a filtered view can be linked). */
export const COMMENT_FILTERS = ['survey', 'journey', 'touchpoint', 'value', 'period', 'q'] as const;
export type CommentFilter = (typeof COMMENT_FILTERS)[number];

/** A period choice as one value: `quarter:2026-Q4` or `month:2026-11`. */
export function parsePeriod(
  value: string | null | undefined,
): { period: CalendarPeriodKind; at: string } | null {
  const [kind, at] = (value ?? '').split(':');
  if ((kind === 'month' || kind === 'quarter') && at && isPeriodKey(kind, at)) return { period: kind, at };
  return null;
}

/** The api query of the page's address; unknown or broken values are left out. */
export function commentsQuery(params: URLSearchParams): CommentsQuery {
  const get = (name: CommentFilter) => params.get(name)?.trim() || undefined;
  const period = parsePeriod(get('period'));
  return {
    surveyId: get('survey'),
    journeyId: get('journey'),
    touchpointId: get('touchpoint'),
    valueKey: get('value'),
    ...(period ?? {}),
    q: get('q'),
  };
}

/** The periods to choose from: the last 8 quarters, then the last 12 months, newest first. */
export function periodChoices(todayMonth: string): { kind: CalendarPeriodKind; keys: string[] }[] {
  return (['quarter', 'month'] as const).map((kind) => {
    const { to } = defaultPeriods(kind, todayMonth);
    const count = kind === 'quarter' ? 8 : 12;
    const keys: string[] = [];
    let [year, index] =
      kind === 'quarter'
        ? [Number(to.slice(0, 4)), Number(to.slice(6))]
        : [Number(to.slice(0, 4)), Number(to.slice(5))];
    const per = kind === 'quarter' ? 4 : 12;
    for (let i = 0; i < count; i++) {
      keys.push(kind === 'quarter' ? `${year}-Q${index}` : `${year}-${String(index).padStart(2, '0')}`);
      index -= 1;
      if (index === 0) {
        index = per;
        year -= 1;
      }
    }
    return { kind, keys };
  });
}

/** A new address after changing one filter; a journey change drops a touchpoint of another journey. */
export function withFilter(
  params: URLSearchParams,
  name: CommentFilter,
  value: string | null,
): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(name, value);
  else next.delete(name);
  if (name === 'journey') next.delete('touchpoint');
  return next;
}
