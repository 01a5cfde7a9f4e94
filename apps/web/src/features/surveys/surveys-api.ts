import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ContactPreview,
  ContactUploadResult,
  CreateSurveyRequest,
  Survey,
  SurveyComments,
  UpdateSurveyRequest,
  Wave,
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

export function useSurveyComments(surveyId: string) {
  return useQuery({
    queryKey: [...SURVEYS_KEY, surveyId, 'comments'],
    queryFn: ({ signal }) => api<SurveyComments>(`/surveys/${surveyId}/comments`, { signal }),
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
  useSurveysMutation((surveyId: string) => api<Wave>(`/surveys/${surveyId}/waves`, { method: 'POST' }));

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
