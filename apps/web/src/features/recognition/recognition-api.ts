import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { RecognitionForm, SubmitRecognitionRequest } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import { api } from '../../api/client';

/** A mailed single-use link (`/r/:token`) or the open link / QR code (`/q/:code`). */
export interface RecognitionLink {
  kind: 'token' | 'open';
  id: string;
}

const path = (link: RecognitionLink) =>
  link.kind === 'token'
    ? `/respond/${encodeURIComponent(link.id)}`
    : `/respond/open/${encodeURIComponent(link.id)}`;

/** The questions in the chosen language; the previous language's form stays while the next one loads. */
export function useRecognitionForm(link: RecognitionLink, lang: Locale) {
  return useQuery({
    queryKey: ['respond', link.kind, link.id, lang],
    queryFn: ({ signal }) => api<RecognitionForm>(path(link), { query: { lang }, signal }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useSubmitRecognition(link: RecognitionLink) {
  return useMutation({
    mutationFn: (body: SubmitRecognitionRequest) =>
      api<void>(path(link), { method: 'POST', body: { ...body } }),
  });
}
