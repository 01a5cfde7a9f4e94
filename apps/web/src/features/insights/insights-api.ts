import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BehaviourReport, HeartMonitor, KpiQuery, KpiReport, PeriodKind, Team } from '@wk/contracts';
import { api } from '../../api/client';

/** The insights endpoints (libs/contracts insights.ts). The api scopes every answer to the caller's role. */

export function useKpis(query: KpiQuery, enabled = true) {
  return useQuery({
    queryKey: ['insights', 'kpis', query],
    enabled,
    queryFn: ({ signal }) => api<KpiReport>('/insights/kpis', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface BehaviourQuery {
  period: PeriodKind;
  from?: string;
  to?: string;
  valueKey?: string;
  teamId?: string;
}

export function useBehaviours(query: BehaviourQuery) {
  return useQuery({
    queryKey: ['insights', 'behaviours', query],
    queryFn: ({ signal }) => api<BehaviourReport>('/insights/behaviours', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHeartMonitor(journeyId: string | undefined, period: PeriodKind, at: string) {
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
