import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  CycleParticipationRow,
  PeriodInfo,
  PeriodKind,
  TeamComments,
  TeamSiblings,
} from '@wk/contracts';
import { api } from '../../api/client';
import type { PeriodBase } from './use-insights-params';
import { rememberPeriods } from './period-model';

/** The team view's endpoints (libs/contracts team-view.ts); the api scopes every answer to the caller. */

/** The rounds, waves, months or quarters the team took part in, newest first. */
export function useTeamPeriods(teamId: string, kind: PeriodKind) {
  return useQuery({
    queryKey: ['insights', 'team-periods', teamId, kind],
    enabled: !!teamId,
    queryFn: async ({ signal }) => {
      const choices = await api<PeriodInfo[]>(`/insights/teams/${encodeURIComponent(teamId)}/periods`, {
        query: { period: kind },
        signal,
      });
      rememberPeriods(choices);
      return choices;
    },
  });
}

export function useTeamSiblings(teamId: string, query: PeriodBase & { from?: string; to?: string }) {
  return useQuery({
    queryKey: ['insights', 'team-siblings', teamId, query],
    queryFn: ({ signal }) =>
      api<TeamSiblings>(`/insights/teams/${encodeURIComponent(teamId)}/siblings`, {
        query: { ...query },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTeamComments(teamId: string, period: 'month' | 'quarter', at: string, enabled = true) {
  return useQuery({
    queryKey: ['insights', 'team-comments', teamId, period, at],
    enabled,
    queryFn: ({ signal }) =>
      api<TeamComments>(`/insights/teams/${encodeURIComponent(teamId)}/comments`, {
        query: { period, at },
        signal,
      }),
  });
}

/** Participation per self-assessment cycle (the organisation, or a team with its sub-teams). */
export function useCycleParticipation(
  query: PeriodBase & { from?: string; to?: string; teamId?: string },
  enabled = true,
) {
  return useQuery({
    queryKey: ['insights', 'participation', query],
    enabled,
    // The overview asks beside the KPIs and its card mounts once they are in: not a second request.
    staleTime: 10_000,
    queryFn: ({ signal }) =>
      api<CycleParticipationRow[]>('/insights/participation', { query: { ...query }, signal }),
  });
}
