import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommentsPage,
  CommentsQuery,
  ContactPreview,
  ContactUploadResult,
  CreateSurveyRequest,
  Survey,
  SurveyComments,
  UpdateSurveyRequest,
  Wave,
  WaveYouSaidRequest,
} from '@wk/contracts';
import { api } from '../../api/client';

/** Every survey query starts with this key, so one invalidation refreshes list, detail, waves and comments. */
export const SURVEYS_KEY = ['surveys'] as const;

export function useSurveys() {
  return useQuery({ queryKey: SURVEYS_KEY, queryFn: ({ signal }) => api<Survey[]>('/surveys', { signal }) });
}

export function useSurvey(id: string) {
  return useQuery({
    queryKey: [...SURVEYS_KEY, id],
    queryFn: ({ signal }) => api<Survey>(`/surveys/${id}`, { signal }),
  });
}

export function useWaves(surveyId: string) {
  return useQuery({
    queryKey: [...SURVEYS_KEY, surveyId, 'waves'],
    queryFn: ({ signal }) => api<Wave[]>(`/surveys/${surveyId}/waves`, { signal }),
  });
}

/** Comments to read, a page at a time ("more" asks the next page by its cursor). */
export function useCommentPages(query: CommentsQuery, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...SURVEYS_KEY, 'reading', query, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) =>
      api<CommentsPage>('/comments', {
        signal,
        query: { ...query, limit: pageSize, cursor: pageParam ?? undefined },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The first few comments of a survey, for the preview on its page. */
export function useCommentPreview(surveyId: string, size: number) {
  return useQuery({
    queryKey: [...SURVEYS_KEY, surveyId, 'comments-preview', size],
    queryFn: ({ signal }) => api<CommentsPage>('/comments', { signal, query: { surveyId, limit: size } }),
  });
}

/** Every comment of the groups at or above the comment minimum, for the CSV export (on request). */
export const fetchCommentsExport = (surveyId: string) =>
  api<SurveyComments>(`/surveys/${surveyId}/comments/export`);

function useSurveysMutation<V, R>(fn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: SURVEYS_KEY }),
  });
}

export const useCreateSurvey = () =>
  useSurveysMutation((body: CreateSurveyRequest) =>
    api<Survey>('/surveys', { method: 'POST', body: { ...body } }),
  );

export const useUpdateSurvey = () =>
  useSurveysMutation(({ id, body }: { id: string; body: UpdateSurveyRequest }) =>
    api<Survey>(`/surveys/${id}`, { method: 'PATCH', body: { ...body } }),
  );

export const useCloseSurvey = () =>
  useSurveysMutation((id: string) => api<Survey>(`/surveys/${id}/close`, { method: 'POST' }));

export const useSendWave = () =>
  useSurveysMutation(({ surveyId, body }: { surveyId: string; body: WaveYouSaidRequest }) =>
    api<Wave>(`/surveys/${surveyId}/waves`, { method: 'POST', body: { ...body } }),
  );

/** Sets or clears a wave's "you said, we did" line. */
export const useUpdateWave = () =>
  useSurveysMutation(({ waveId, body }: { waveId: string; body: WaveYouSaidRequest }) =>
    api<Wave>(`/waves/${waveId}`, { method: 'PATCH', body: { ...body } }),
  );

export const useWaveAction = () =>
  useSurveysMutation(({ wave, action }: { wave: Wave; action: 'reminder' | 'close' }) =>
    api<Wave>(`/waves/${wave.id}/${action}`, { method: 'POST' }),
  );

const csv = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

/** Reads the file and says per row what would happen; nothing is stored. */
export function usePreviewContacts() {
  return useMutation({
    mutationFn: ({ surveyId, file }: { surveyId: string; file: File }) =>
      api<ContactPreview>(`/surveys/${surveyId}/contacts/preview`, { method: 'POST', body: csv(file) }),
  });
}

/** Stores the contacts; `send` sends a wave at once, else they wait for the next scheduled wave. */
export const useUploadContacts = () =>
  useSurveysMutation(({ surveyId, file, send }: { surveyId: string; file: File; send: boolean }) =>
    api<ContactUploadResult>(`/surveys/${surveyId}/contacts`, {
      method: 'POST',
      body: csv(file),
      query: { send },
    }),
  );

export const qrUrl = (surveyId: string, format: 'png' | 'svg') => `/api/surveys/${surveyId}/qr.${format}`;
