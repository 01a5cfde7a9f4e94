import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublishCheck, ValueDraft } from '@wk/domain';
import type {
  ValueDraftDiff,
  ValueSetTemplate,
  ValueSetVersion,
  ValueSetVersionSummary,
  ValueTargetChange,
  ValueTemplateSummary,
} from '@wk/contracts';
import { api, ApiError } from '../../api/client';

/** `null` when the api answers 404 (nothing published yet, no draft): an answer, not an error. */
async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function useCurrentValues() {
  return useQuery({
    queryKey: ['values', 'current'],
    queryFn: ({ signal }) => orNull(api<ValueSetVersion>('/values/current', { signal })),
  });
}

export function useValueVersions() {
  return useQuery({
    queryKey: ['values', 'versions'],
    queryFn: ({ signal }) => api<ValueSetVersionSummary[]>('/values/versions', { signal }),
  });
}

export function useValueDraft() {
  return useQuery({
    queryKey: ['values', 'draft'],
    queryFn: ({ signal }) => orNull(api<ValueSetVersion>('/values/draft', { signal })),
  });
}

export function useDraftReview(enabled: boolean) {
  return useQuery({
    queryKey: ['values', 'draft', 'review'],
    enabled,
    gcTime: 0,
    queryFn: async ({ signal }) => ({
      diff: await api<ValueDraftDiff>('/values/draft/diff', { signal }),
      check: await api<PublishCheck>('/values/draft/check', { signal }),
    }),
  });
}

export function useValueTemplates(enabled: boolean) {
  return useQuery({
    queryKey: ['values', 'templates'],
    enabled,
    queryFn: ({ signal }) => api<ValueTemplateSummary[]>('/values/templates', { signal }),
  });
}

function useValuesMutation<V>(fn: (variables: V) => Promise<ValueSetVersion | void>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (version) => {
      if (version && version.status === 'draft') client.setQueryData(['values', 'draft'], version);
      void client.invalidateQueries({ queryKey: ['values'] });
    },
  });
}

export const useStartDraft = () =>
  useValuesMutation(() => api<ValueSetVersion>('/values/draft', { method: 'POST' }));

export const useSaveDraft = () =>
  useValuesMutation((values: ValueDraft[]) =>
    api<ValueSetVersion>('/values/draft', { method: 'PUT', body: { values } }),
  );

export const useDiscardDraft = () =>
  useValuesMutation(() => api<void>('/values/draft', { method: 'DELETE' }));

export const usePublishDraft = () =>
  useValuesMutation(() => api<ValueSetVersion>('/values/draft/publish', { method: 'POST' }));

/** Starts (or replaces) the draft from a shipped template. */
export const useImportTemplate = () =>
  useValuesMutation(async (key: string) => {
    const template = await api<ValueSetTemplate>(`/values/templates/${encodeURIComponent(key)}`);
    return api<ValueSetVersion>('/values/draft/import', { method: 'POST', body: { ...template } });
  });

export const exportUrl = (versionId: string) => `/api/values/versions/${versionId}/export`;

/** A value's target history (newest first): its versions' targets and changes on their own. */
export function useValueTargets(key: string) {
  return useQuery({
    queryKey: ['values', 'targets', key],
    queryFn: ({ signal }) =>
      api<ValueTargetChange[]>(`/values/${encodeURIComponent(key)}/targets`, { signal }),
  });
}

/** Changes a value's target from now on (no new version); the house and the dashboard follow. */
export function useSetValueTarget(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (targetGrade: number) =>
      api<ValueTargetChange>(`/values/${encodeURIComponent(key)}/target`, {
        method: 'PUT',
        body: { targetGrade },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['values'] });
      void client.invalidateQueries({ queryKey: ['insights'] });
    },
  });
}
