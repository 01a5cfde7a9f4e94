import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCycleRequest, Cycle, CycleAudience, Round, RoundDetail } from '@wk/contracts';
import { api } from '../../api/client';

export function useCycles() {
  return useQuery({ queryKey: ['cycles'], queryFn: ({ signal }) => api<Cycle[]>('/cycles', { signal }) });
}

export function useRounds(cycleId: string) {
  return useQuery({
    queryKey: ['cycles', cycleId, 'rounds'],
    queryFn: ({ signal }) => api<Round[]>(`/cycles/${cycleId}/rounds`, { signal }),
  });
}

/** How many people "open a round now" would invite; fetched when the confirmation opens. */
export function useCycleAudience(cycleId: string) {
  return useQuery({
    queryKey: ['cycles', cycleId, 'audience'],
    queryFn: ({ signal }) => api<CycleAudience>(`/cycles/${cycleId}/audience`, { signal }),
    staleTime: 0,
  });
}

export function useRound(roundId: string) {
  return useQuery({
    queryKey: ['rounds', roundId],
    queryFn: ({ signal }) => api<RoundDetail>(`/rounds/${roundId}`, { signal }),
  });
}

function useCyclesMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['cycles'] });
      void client.invalidateQueries({ queryKey: ['rounds'] });
    },
  });
}

export const useCreateCycle = () =>
  useCyclesMutation((body: CreateCycleRequest) =>
    api<Cycle>('/cycles', { method: 'POST', body: { ...body } }),
  );

export const useCycleAction = () =>
  useCyclesMutation(({ id, action }: { id: string; action: 'pause' | 'resume' | 'archive' }) =>
    api<Cycle>(`/cycles/${id}/${action}`, { method: 'POST' }),
  );

export const useOpenRound = () =>
  useCyclesMutation((cycleId: string) => api<Round>(`/cycles/${cycleId}/rounds`, { method: 'POST' }));

export const useRemind = () =>
  useCyclesMutation((roundId: string) =>
    api<{ reminded: number }>(`/rounds/${roundId}/reminders`, { method: 'POST' }),
  );

/** "Close now": the round ends before its deadline (closing a closed round changes nothing). */
export const useCloseRound = () =>
  useCyclesMutation((roundId: string) => api<RoundDetail>(`/rounds/${roundId}/close`, { method: 'POST' }));
