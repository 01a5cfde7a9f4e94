import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKey, CreateApiKeyRequest, CreatedApiKey } from '@wk/contracts';
import { api } from '../../api/client';

export const API_KEYS_KEY = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({
    queryKey: API_KEYS_KEY,
    queryFn: ({ signal }) => api<ApiKey[]>('/api-keys', { signal }),
  });
}

function useApiKeysMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: API_KEYS_KEY }),
  });
}

/** The answer carries the key itself, once: it is never stored in the query cache. */
export const useCreateApiKey = () =>
  useApiKeysMutation((body: CreateApiKeyRequest) =>
    api<CreatedApiKey>('/api-keys', { method: 'POST', body: { ...body } }),
  );

export const useRevokeApiKey = () =>
  useApiKeysMutation((key: ApiKey) => api<ApiKey>(`/api-keys/${key.id}/revoke`, { method: 'POST' }));
