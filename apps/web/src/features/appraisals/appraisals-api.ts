import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Appraisal,
  AppraisalCalibration,
  AppraisalContext,
  AppraisalCycle,
  AppraisalCycleRow,
  AppraisalProgressRow,
  AppraisalSummary,
  CreateAppraisalCycleRequest,
  SaveAppraisalConversationRequest,
  SaveAppraisalReviewRequest,
  SaveFollowUpRequest,
  SignAppraisalRequest,
} from '@wk/contracts';
import { api } from '../../api/client';

const KEY = ['appraisals'] as const;

export function useMyAppraisals() {
  return useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: ({ signal }) => api<AppraisalSummary[]>('/appraisals/mine', { signal }),
  });
}

export function useReports(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'reports'],
    enabled,
    queryFn: ({ signal }) => api<AppraisalSummary[]>('/appraisals/reports', { signal }),
  });
}

export function useAppraisal(id: string, locale: string) {
  return useQuery({
    queryKey: [...KEY, id, locale],
    queryFn: ({ signal }) => api<Appraisal>(`/appraisals/${id}`, { signal, query: { locale } }),
  });
}

/** Customer recognition of the current team's journeys and touchpoints beside the conversation. */
export function useAppraisalContext(id: string, locale: string) {
  return useQuery({
    queryKey: [...KEY, id, 'context', locale],
    queryFn: ({ signal }) =>
      api<AppraisalContext>(`/appraisals/${id}/context`, { signal, query: { locale } }),
  });
}

/** Every change answers the new appraisal: it replaces the cached one (the next save carries its version). */
function useAppraisalMutation<V>(id: string, fn: (variables: V) => Promise<Appraisal>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

export const useSaveReview = (id: string, author: 'self' | 'manager') =>
  useAppraisalMutation(id, (body: SaveAppraisalReviewRequest) =>
    api<Appraisal>(`/appraisals/${id}/${author === 'self' ? 'self-review' : 'manager-review'}`, {
      method: 'PUT',
      body: { ...body },
    }),
  );

export const useSaveConversation = (id: string) =>
  useAppraisalMutation(id, (body: SaveAppraisalConversationRequest) =>
    api<Appraisal>(`/appraisals/${id}/conversation`, { method: 'PUT', body: { ...body } }),
  );

/** The reviewer or HR records whether one of last cycle's agreements was achieved. */
export const useSaveFollowUp = (id: string) =>
  useAppraisalMutation(id, ({ agreementId, ...body }: SaveFollowUpRequest & { agreementId: string }) =>
    api<Appraisal>(`/appraisals/${id}/previous-agreements/${agreementId}/follow-up`, {
      method: 'PUT',
      body: { ...body },
    }),
  );

export const useSign = (id: string) =>
  useAppraisalMutation(id, (body: SignAppraisalRequest) =>
    api<Appraisal>(`/appraisals/${id}/sign`, { method: 'POST', body: { ...body } }),
  );

export const useShareRounds = (id: string) =>
  useAppraisalMutation(id, (roundIds: string[]) =>
    api<Appraisal>(`/appraisals/${id}/shared-rounds`, { method: 'PUT', body: { roundIds } }),
  );

export function useAppraisalCycles() {
  return useQuery({
    queryKey: [...KEY, 'cycles'],
    queryFn: ({ signal }) => api<AppraisalCycle[]>('/appraisal-cycles', { signal }),
  });
}

export function useAppraisalCycle(id: string) {
  return useQuery({
    queryKey: [...KEY, 'cycles', id],
    queryFn: ({ signal }) =>
      api<AppraisalCycle & { progress: AppraisalProgressRow[] }>(`/appraisal-cycles/${id}`, { signal }),
  });
}

function useCycleMutation<V>(fn: (variables: V) => Promise<AppraisalCycle>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateAppraisalCycle = () =>
  useCycleMutation((body: CreateAppraisalCycleRequest) =>
    api<AppraisalCycle>('/appraisal-cycles', { method: 'POST', body: { ...body } }),
  );

export const useAppraisalCycleAction = () =>
  useCycleMutation(({ id, action }: { id: string; action: 'open' | 'close' }) =>
    api<AppraisalCycle>(`/appraisal-cycles/${id}/${action}`, { method: 'POST' }),
  );

export function useCalibration(id: string, enabled: boolean, locale: string) {
  return useQuery({
    queryKey: [...KEY, 'cycles', id, 'calibration', locale],
    enabled,
    queryFn: ({ signal }) =>
      api<AppraisalCalibration>(`/appraisal-cycles/${id}/calibration`, { signal, query: { locale } }),
  });
}

/** The cycle's appraisals (names, team, stage, deadline; never answers), for the progress CSV. */
export const fetchCycleAppraisals = (id: string) =>
  api<AppraisalCycleRow[]>(`/appraisal-cycles/${id}/appraisals`);

/** The same list for HR's "needs attention" view (reviewer who cannot review, team changed). */
export function useCycleAppraisals(id: string) {
  return useQuery({
    queryKey: [...KEY, 'cycles', id, 'appraisals'],
    queryFn: ({ signal }) => api<AppraisalCycleRow[]>(`/appraisal-cycles/${id}/appraisals`, { signal }),
  });
}

/** HR shows the manager's review to the employee early (kept in its history). */
export const useRelease = (id: string) =>
  useAppraisalMutation(id, () => api<Appraisal>(`/appraisals/${id}/release`, { method: 'POST' }));

/** HR reopens a signed appraisal with a reason (kept in its history). */
export const useReopen = (id: string) =>
  useAppraisalMutation(id, (reason: string) =>
    api<Appraisal>(`/appraisals/${id}/reopen`, { method: 'POST', body: { reason } }),
  );

/** HR gives an appraisal another reviewer (kept in its history). */
export function useReassign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reviewerId }: { id: string; reviewerId: string }) =>
      api<Appraisal>(`/appraisals/${id}/reviewer`, { method: 'PUT', body: { reviewerId } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}
