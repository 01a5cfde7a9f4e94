import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  BehaviourReport,
  CalendarPeriodKind,
  HeartMonitor,
  KpiQuery,
  KpiReport,
  PeriodInfo,
  PeriodKind,
  Team,
} from '@wk/contracts';
import { api } from '../../api/client';
import { rememberPeriods } from './period-model';

/** The insights endpoints (libs/contracts insights.ts). The api scopes every answer to the caller's role. */

export function useKpis(query: KpiQuery, enabled = true) {
  return useQuery({
    queryKey: ['insights', 'kpis', query],
    enabled,
    queryFn: async ({ signal }) => {
      const report = await api<KpiReport>('/insights/kpis', { query: { ...query }, signal });
      rememberPeriods(report.periodInfo);
      return report;
    },
    placeholderData: keepPreviousData,
  });
}

/** The rounds or waves that have opened, newest first (for the period picker); off for calendar kinds. */
export function usePeriodChoices(kind: PeriodKind) {
  const enabled = kind === 'round' || kind === 'wave';
  return useQuery({
    queryKey: ['insights', 'periods', kind],
    enabled,
    queryFn: async ({ signal }) => {
      const choices = await api<PeriodInfo[]>('/insights/periods', { query: { period: kind }, signal });
      rememberPeriods(choices);
      return choices;
    },
  });
}

export interface BehaviourQuery {
  period: PeriodKind;
  from?: string;
  to?: string;
  cycleId?: string;
  valueKey?: string;
  teamId?: string;
}

export function useBehaviours(query: BehaviourQuery, enabled = true) {
  return useQuery({
    queryKey: ['insights', 'behaviours', query],
    enabled,
    queryFn: ({ signal }) => api<BehaviourReport>('/insights/behaviours', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHeartMonitor(journeyId: string | undefined, period: CalendarPeriodKind, at: string) {
  return useQuery({
    queryKey: ['insights', 'journey', journeyId, period, at],
    enabled: !!journeyId,
    queryFn: ({ signal }) =>
      api<HeartMonitor>(`/insights/journeys/${encodeURIComponent(journeyId ?? '')}`, {
        query: { period, at },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The teams (HR, admin, managers: scoped by the api); not asked for roles that may not read them. */
export function useTeamsIf(enabled: boolean) {
  return useQuery({
    queryKey: ['teams'],
    enabled,
    queryFn: ({ signal }) => api<Team[]>('/teams', { signal }),
  });
}
