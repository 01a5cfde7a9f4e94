import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateWebhookEndpointRequest,
  UpdateWebhookEndpointRequest,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '@wk/contracts';
import { api } from '../../api/client';

export const WEBHOOKS_KEY = ['webhooks'] as const;

export function useWebhookEndpoints() {
  return useQuery({
    queryKey: [...WEBHOOKS_KEY, 'endpoints'],
    queryFn: ({ signal }) => api<WebhookEndpoint[]>('/webhooks/endpoints', { signal }),
  });
}

/** The log refreshes while deliveries are still being sent. */
export function useWebhookDeliveries(endpointId: string | null) {
  return useQuery({
    queryKey: [...WEBHOOKS_KEY, 'deliveries', endpointId],
    enabled: endpointId !== null,
    queryFn: ({ signal }) =>
      api<WebhookDeliveryPage>(`/webhooks/endpoints/${endpointId}/deliveries?limit=50`, { signal }),
    refetchInterval: (query) => (query.state.data?.items.some((d) => d.status === 'pending') ? 2_000 : false),
  });
}

function useWebhooksMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: WEBHOOKS_KEY }),
  });
}

/** The answer carries the secret, once: it is never stored in the query cache. */
export const useCreateEndpoint = () =>
  useWebhooksMutation((body: CreateWebhookEndpointRequest) =>
    api<WebhookEndpointWithSecret>('/webhooks/endpoints', { method: 'POST', body: { ...body } }),
  );

export const useUpdateEndpoint = () =>
  useWebhooksMutation(({ id, ...body }: UpdateWebhookEndpointRequest & { id: string }) =>
    api<WebhookEndpoint>(`/webhooks/endpoints/${id}`, { method: 'PATCH', body }),
  );

export const useDeleteEndpoint = () =>
  useWebhooksMutation((id: string) => api<void>(`/webhooks/endpoints/${id}`, { method: 'DELETE' }));

export const useRotateSecret = () =>
  useWebhooksMutation((id: string) =>
    api<WebhookEndpointWithSecret>(`/webhooks/endpoints/${id}/rotate-secret`, { method: 'POST' }),
  );

export const useSendTest = () =>
  useWebhooksMutation((id: string) =>
    api<WebhookDelivery>(`/webhooks/endpoints/${id}/test`, { method: 'POST' }),
  );

export const useRedeliver = () =>
  useWebhooksMutation((id: string) =>
    api<WebhookDelivery>(`/webhooks/deliveries/${id}/redeliver`, { method: 'POST' }),
  );
