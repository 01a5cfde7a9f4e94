import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Journey, JourneyRequest, Segment, SegmentRequest } from '@wk/contracts';
import { api } from '../../api/client';

export const SEGMENTS_KEY = ['segments'] as const;
export const JOURNEYS_KEY = ['journeys'] as const;

export function useSegments() {
  return useQuery({
    queryKey: SEGMENTS_KEY,
    queryFn: ({ signal }) => api<Segment[]>('/segments', { signal }),
  });
}

export function useJourneys() {
  return useQuery({
    queryKey: JOURNEYS_KEY,
    queryFn: ({ signal }) => api<Journey[]>('/journeys', { signal }),
  });
}

function useCustomersMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: SEGMENTS_KEY });
      void client.invalidateQueries({ queryKey: JOURNEYS_KEY });
    },
  });
}

export const useSaveSegment = () =>
  useCustomersMutation(({ id, body }: { id?: string; body: SegmentRequest }) =>
    id
      ? api<Segment>(`/segments/${id}`, { method: 'PUT', body: { ...body } })
      : api<Segment>('/segments', { method: 'POST', body: { ...body } }),
  );

export const useDeleteSegment = () =>
  useCustomersMutation((segment: Segment) => api<void>(`/segments/${segment.id}`, { method: 'DELETE' }));

export const useSaveJourney = () =>
  useCustomersMutation(({ id, body }: { id?: string; body: JourneyRequest }) =>
    id
      ? api<Journey>(`/journeys/${id}`, { method: 'PUT', body: { ...body } })
      : api<Journey>('/journeys', { method: 'POST', body: { ...body } }),
  );

export const useDeleteJourney = () =>
  useCustomersMutation((journey: Journey) => api<void>(`/journeys/${journey.id}`, { method: 'DELETE' }));
