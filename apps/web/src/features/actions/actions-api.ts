import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionDetail,
  ActionStatus,
  ActionSummary,
  CreateFocusRequest,
  FocusCreated,
  UpdateActionRequest,
} from '@wk/contracts';
import { api } from '../../api/client';

/** The action endpoints (libs/contracts actions.ts); the api scopes every list to the caller. */
export interface ActionFilter {
  status?: ActionStatus;
  teamId?: string;
  valueKey?: string;
}

export function useActions(filter: ActionFilter = {}, enabled = true) {
  return useQuery({
    queryKey: ['actions', 'list', filter],
    enabled,
    queryFn: ({ signal }) => api<ActionSummary[]>('/actions', { query: { ...filter }, signal }),
  });
}

export function useAction(id: string) {
  return useQuery({
    queryKey: ['actions', 'detail', id],
    queryFn: ({ signal }) => api<ActionDetail>(`/actions/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCreateFocus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFocusRequest) =>
      api<FocusCreated>('/actions/focuses', { method: 'POST', body: { ...body } as never }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['actions'] }),
  });
}

export function useUpdateAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateActionRequest) =>
      api<ActionDetail>(`/actions/${encodeURIComponent(id)}`, { method: 'PATCH', body: { ...body } }),
    onSuccess: (detail) => {
      client.setQueryData(['actions', 'detail', id], detail);
      return client.invalidateQueries({ queryKey: ['actions', 'list'] });
    },
  });
}

export function useAddNote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api<ActionDetail>(`/actions/${encodeURIComponent(id)}/notes`, { method: 'POST', body: { body } }),
    onSuccess: (detail) => client.setQueryData(['actions', 'detail', id], detail),
  });
}
