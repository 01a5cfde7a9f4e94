import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { localized } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { useDeleteSegment, useSegments } from './customers-api';
import { EditableSection, EditDeleteButtons } from './editable-section';
import { SegmentForm } from './segment-form';

/** Customer profiles as cards with their persona; add, edit and delete for who may write. */
export function SegmentsSection({ writable, onNote }: { writable: boolean; onNote: (note: string) => void }) {
  const { t, i18n } = useTranslation();
  const segments = useSegments();
  const remove = useDeleteSegment();
  return (
    <EditableSection
      name="segments"
      texts={{
        title: t('customers.segments'),
        intro: t('customers.segmentsIntro'),
        add: t('customers.addSegment'),
        empty: t('customers.noSegments'),
        deleteTitle: t('customers.deleteSegmentTitle'),
        confirmDelete: (name) => t('customers.confirmDeleteSegment', { name }),
        inUse: t('customers.segmentInUse'),
        saved: (name) => t('customers.segmentSaved', { name }),
        deleted: (name) => t('customers.segmentDeleted', { name }),
      }}
      query={segments}
      remove={remove}
      writable={writable}
      onNote={onNote}
      renderList={(list, actions) => (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {list.map((segment) => (
            <Paper key={segment.id} withBorder p="md" radius="md">
              <Stack gap={6}>
                <Title order={3} size="h4">
                  {localized(segment.name, segment.nameEn, i18n.language)}
                </Title>
                {segment.description && <Text size="sm">{segment.description}</Text>}
                {segment.persona && (
                  <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-line' }}>
                    {segment.persona}
                  </Text>
                )}
                {writable && (
                  <EditDeleteButtons
                    editLabel={t('customers.editSegmentLabel', { name: segment.name })}
                    deleteLabel={t('customers.deleteSegmentLabel', { name: segment.name })}
                    onEdit={() => actions.edit(segment)}
                    onDelete={() => actions.delete(segment)}
                  />
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      renderForm={({ item, ...form }) => <SegmentForm segment={item} {...form} />}
    />
  );
}
