import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedScimToken, CreateScimTokenRequest, ScimSettings, ScimToken } from '@wk/contracts';
import { api } from '../../api/client';

export const SCIM_KEY = ['scim-tokens'] as const;

export function useScimSettings() {
  return useQuery({
    queryKey: SCIM_KEY,
    queryFn: ({ signal }) => api<ScimSettings>('/scim-tokens', { signal }),
  });
}

function useScimMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: SCIM_KEY }),
  });
}

/** The answer carries the token itself, once: it is never stored in the query cache. */
export const useCreateScimToken = () =>
  useScimMutation((body: CreateScimTokenRequest) =>
    api<CreatedScimToken>('/scim-tokens', { method: 'POST', body: { ...body } }),
  );

export const useRevokeScimToken = () =>
  useScimMutation((token: ScimToken) =>
    api<ScimToken>(`/scim-tokens/${token.id}/revoke`, { method: 'POST' }),
  );
