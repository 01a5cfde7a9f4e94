import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportKind, ImportPreview, ImportResult } from '@wk/contracts';
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

export function useRunImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, invite }: { kind: ImportKind; file: File; invite: boolean }) =>
      api<ImportResult>(`/import/${kind}`, {
        method: 'POST',
        body: upload(file),
        query: { invite: invite || undefined },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['people'] });
      void client.invalidateQueries({ queryKey: ['teams'] });
    },
  });
}
