import { Injectable } from '@nestjs/common';
import {
  MAX_PERIODS,
  defaultPeriods,
  eventRange,
  isCalendarPeriod,
  periodMonths,
  periodOfMonth,
  periodRange,
  previousPeriod,
} from '@wk/domain';
import type { CalendarPeriodKind, EventPeriodKind, PeriodKind } from '@wk/domain';
import type { PeriodInfo } from '@wk/contracts';
import { invalid, notFound } from '../common/domain-error';
import type { PeriodWindow } from './kpi-rollup-reads.repository';
import { PeriodsRepository, type EventRow } from './periods.repository';

/** What a report reads: the periods asked for, the one before the first, and the rollup window. */
export interface PeriodPlan {
  kind: PeriodKind;
  periods: string[];
  info: PeriodInfo[];
  /** Every period read, oldest first: the one before the first (when there is one) and the asked ones. */
  read: string[];
  window: PeriodWindow;
  /** The period a rollup row (its month, round or wave) counts in. */
  bucket(rowPeriod: string): string;
}

export interface PeriodAsk {
  period: PeriodKind;
  from?: string;
  to?: string;
  cycleId?: string;
  surveyId?: string;
}

/** The period before `period` in a plan (for its change); null for the first of a series. */
export function periodBefore(plan: PeriodPlan, period: string): string | null {
  const index = plan.read.indexOf(period);
  return index > 0 ? plan.read[index - 1] : null;
}

/** At most this many rounds or waves are offered by the period picker. */
const CHOICES = 200;

/**
 * Reporting periods: calendar months and quarters, or the rounds of the self-assessment cycles
 * and the waves of a survey. A round or wave counts only the answers given in it (exact, by id);
 * the window also bounds the months so that the rollups' primary keys do the work.
 */
@Injectable()
export class ReportPeriodsService {
  constructor(private readonly repo: PeriodsRepository) {}

  async plan(organisationId: string, todayMonth: string, ask: PeriodAsk): Promise<PeriodPlan> {
    return isCalendarPeriod(ask.period)
      ? this.calendarPlan(organisationId, todayMonth, ask.period, ask.from, ask.to)
      : this.eventPlan(organisationId, ask.period, ask);
  }

  /** The rounds (of a cycle) or waves (of a survey) that have opened, newest first, for the period picker. */
  async choices(organisationId: string, kind: EventPeriodKind, seriesId?: string): Promise<PeriodInfo[]> {
    const rows = await this.series(organisationId, kind, seriesId);
    return rows
      .slice(-CHOICES)
      .reverse()
      .map((row) => eventInfo(kind, row));
  }

  private calendarPlan(
    organisationId: string,
    todayMonth: string,
    kind: CalendarPeriodKind,
    from?: string,
    to?: string,
  ): PeriodPlan {
    const defaults = defaultPeriods(kind, todayMonth);
    // Only `to` given: that one period; else from `from` (or the default start) to `to` (or now).
    const periods = periodRange(kind, from ?? to ?? defaults.from, to ?? defaults.to);
    if (!periods.length) throw invalid('from', 'must not be after to');
    if (periods.length > MAX_PERIODS) throw invalid('from', `at most ${MAX_PERIODS} periods`);
    const read = [previousPeriod(kind, periods[0]), ...periods];
    return {
      kind,
      periods,
      info: periods.map((key) => {
        const months = periodMonths(kind, key);
        return { key, kind, seriesId: null, seriesName: null, start: months.first, end: months.afterLast };
      }),
      read,
      window: {
        organisationId,
        first: periodMonths(kind, read[0]).first,
        afterLast: periodMonths(kind, periods[periods.length - 1]).afterLast,
        ids: null,
      },
      bucket: (month) => periodOfMonth(kind, month),
    };
  }

  private async eventPlan(
    organisationId: string,
    kind: EventPeriodKind,
    ask: PeriodAsk,
  ): Promise<PeriodPlan> {
    const seriesId = kind === 'round' ? ask.cycleId : ask.surveyId;
    const rows = await this.series(organisationId, kind, seriesId);
    const range = eventRange(
      rows.map((r) => r.key),
      ask.from,
      ask.to,
    );
    if ('invalid' in range)
      throw invalid(
        range.invalid,
        range.invalid === 'from' && rows.some((r) => r.key === ask.from)
          ? 'must not be after to'
          : `must be a ${kind} of this organisation${seriesId ? ` (of the chosen ${kind === 'round' ? 'cycle' : 'survey'})` : ''}`,
      );
    if (range.periods.length > MAX_PERIODS) throw invalid('from', `at most ${MAX_PERIODS} periods`);
    const read = [...(range.before ? [range.before] : []), ...range.periods];
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const inWindow = read.map((key) => byKey.get(key)!);
    return {
      kind,
      periods: range.periods,
      info: range.periods.map((key) => eventInfo(kind, byKey.get(key)!)),
      read,
      window: {
        organisationId,
        // No rounds or waves yet: an empty window reads nothing.
        first: inWindow.reduce((min, r) => (r.first_month < min ? r.first_month : min), '9999-12-01'),
        afterLast: inWindow.reduce((max, r) => (r.after_month > max ? r.after_month : max), '0001-01-01'),
        ids: read,
      },
      bucket: (id) => id,
    };
  }

  /** Every opened round (of one cycle) or wave (of one survey), oldest first; an unknown cycle or survey is 404. */
  private async series(
    organisationId: string,
    kind: EventPeriodKind,
    seriesId?: string,
  ): Promise<EventRow[]> {
    const rows = await this.repo.events(organisationId, kind, seriesId);
    // Only an empty series can be an unknown (or another organisation's) cycle or survey.
    if (seriesId && !rows.length && !(await this.repo.seriesExists(organisationId, kind, seriesId)))
      throw notFound(kind === 'round' ? 'Cycle' : 'Survey');
    return rows;
  }
}

function eventInfo(kind: EventPeriodKind, row: EventRow): PeriodInfo {
  return {
    key: row.key,
    kind,
    seriesId: row.series_id,
    seriesName: row.series_name,
    start: row.start.toISOString(),
    end: row.end.toISOString(),
  };
}
