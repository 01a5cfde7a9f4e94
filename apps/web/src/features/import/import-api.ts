import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportKind, ImportPreview } from '@wk/contracts';
import { api } from '../../api/client';

const upload = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) =>
      api<ImportPreview>(`/import/${kind}/preview`, { method: 'POST', body: upload(file) }),
  });
}

/** Starts the import: the api answers at once with a queued job that the worker applies. */
export function useRunImport() {
  return useMutation({
    mutationFn: ({ kind, file, invite }: { kind: ImportKind; file: File; invite: boolean }) =>
      api<ImportJob>(`/import/${kind}`, {
        method: 'POST',
        body: upload(file),
        query: { invite: invite || undefined },
      }),
  });
}

export const isFinished = (job: ImportJob | undefined) => job?.status === 'done' || job?.status === 'failed';

/** Polls a started import once a second until it is done or failed; then people and teams are stale. */
export function useImportJob(started: ImportJob | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['import-job', started?.id],
    enabled: !!started,
    initialData: started,
    queryFn: async () => {
      const job = await api<ImportJob>(`/import/jobs/${started?.id}`);
      if (job.status === 'done') {
        void client.invalidateQueries({ queryKey: ['people'] });
        void client.invalidateQueries({ queryKey: ['teams'] });
      }
      return job;
    },
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 1000),
  });
}
