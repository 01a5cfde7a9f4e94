import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTeamRequest, Team, UpdateTeamRequest } from '@wk/contracts';
import { api } from '../../api/client';

function useTeamMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['teams'] });
      void client.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

export const useCreateTeam = () =>
  useTeamMutation((body: CreateTeamRequest) => api<Team>('/teams', { method: 'POST', body: { ...body } }));

export const useUpdateTeam = () =>
  useTeamMutation(
    async ({ id, body, managerIds }: { id: string; body: UpdateTeamRequest; managerIds: string[] }) => {
      await api<Team>(`/teams/${id}`, { method: 'PATCH', body: { ...body } });
      return api<Team>(`/teams/${id}/managers`, { method: 'PUT', body: { userIds: managerIds } });
    },
  );

export const useDeleteTeam = () =>
  useTeamMutation((team: Team) => api(`/teams/${team.id}`, { method: 'DELETE' }));
