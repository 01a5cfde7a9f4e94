import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Segment } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState, QueryState } from '../../components/states';
import { useDeleteSegment, useSegments } from './customers-api';
import { SegmentForm } from './segment-form';

/** Customer profiles as cards with their persona; add, edit and delete for who may write. */
export function SegmentsSection({ writable, onNote }: { writable: boolean; onNote: (note: string) => void }) {
  const { t } = useTranslation();
  const segments = useSegments();
  const remove = useDeleteSegment();
  const [editing, setEditing] = useState<Segment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const inUse = remove.error instanceof ApiError && remove.error.body.code === 'in_use';

  return (
    <Stack gap="sm" component="section" aria-labelledby="segments-title">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3" id="segments-title">
          {t('customers.segments')}
        </Title>
        {writable && <Button onClick={() => setEditing('new')}>{t('customers.addSegment')}</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        {t('customers.segmentsIntro')}
      </Text>
      <QueryState query={segments}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('customers.noSegments')}</EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {list.map((segment) => (
                <Paper key={segment.id} withBorder p="md" radius="md">
                  <Stack gap={6}>
                    <Title order={3} size="h4">
                      {segment.name}
                    </Title>
                    {segment.description && <Text size="sm">{segment.description}</Text>}
                    {segment.persona && (
                      <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-line' }}>
                        {segment.persona}
                      </Text>
                    )}
                    {writable && (
                      <Group gap={4}>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={t('customers.editSegmentLabel', { name: segment.name })}
                          onClick={() => setEditing(segment)}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          aria-label={t('customers.deleteSegmentLabel', { name: segment.name })}
                          onClick={() => {
                            remove.reset();
                            setDeleting(segment);
                          }}
                        >
                          {t('common.delete')}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
      {editing && (
        <SegmentForm
          segment={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            onNote(t('customers.segmentSaved', { name: saved.name }));
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('customers.deleteSegmentTitle')}
          message={t('customers.confirmDeleteSegment', { name: deleting.name })}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={inUse ? t('customers.segmentInUse') : remove.error}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                onNote(t('customers.segmentDeleted', { name: deleting.name }));
                setDeleting(null);
              },
            })
          }
        />
      )}
    </Stack>
  );
}
