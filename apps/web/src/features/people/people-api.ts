import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePersonRequest, Page, Person, Team, UpdatePersonRequest } from '@wk/contracts';
import { api } from '../../api/client';

export interface PeopleFilter {
  q?: string;
  role?: string;
  teamId?: string;
  status?: string;
  offset: number;
  limit: number;
}

export function usePeople(filter: PeopleFilter) {
  return useQuery({
    queryKey: ['people', filter],
    queryFn: ({ signal }) => api<Page<Person>>('/people', { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTeams() {
  return useQuery({ queryKey: ['teams'], queryFn: ({ signal }) => api<Team[]>('/teams', { signal }) });
}

export function useSavePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CreatePersonRequest | UpdatePersonRequest }) =>
      id
        ? api<Person>(`/people/${id}`, { method: 'PATCH', body: { ...body } })
        : api<Person>('/people', { method: 'POST', body: { ...body } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['people'] });
      void client.invalidateQueries({ queryKey: ['teams'] });
    },
  });
}

export function useInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (person: Person) => api(`/people/${person.id}/invitation`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['people'] }),
  });
}
