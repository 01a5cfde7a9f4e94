import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState, QueryState } from '../../components/states';

interface Named {
  id: string;
  name: string;
}

/** The texts of one section; the functions get the item's name. */
export interface EditableSectionTexts {
  title: string;
  intro: string;
  add: string;
  empty: string;
  deleteTitle: string;
  confirmDelete: (name: string) => string;
  /** Shown when the api refuses the delete because other things still refer to the item. */
  inUse: string;
  saved: (name: string) => string;
  deleted: (name: string) => string;
}

/** What a list item may ask of the section: open it in the form, or ask to delete it. */
export interface ItemActions<T> {
  edit: (item: T) => void;
  delete: (item: T) => void;
}

/** Compact edit and delete buttons of one item; the labels name the item for screen readers. */
export function EditDeleteButtons({
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
}: {
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Button size="compact-sm" variant="subtle" aria-label={editLabel} onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        c="red.9"
        aria-label={deleteLabel}
        onClick={onDelete}
      >
        {t('common.delete')}
      </Button>
    </Group>
  );
}

/**
 * A titled section of the customer context: its items, "add" for who may write, the item's form
 * for add and edit, and a confirmed delete. Saving or deleting reports a note through `onNote`.
 */
export function EditableSection<T extends Named>({
  name,
  texts,
  query,
  remove,
  writable,
  onNote,
  renderList,
  renderForm,
}: {
  /** Names the heading's id (`${name}-title`) that labels the section. */
  name: string;
  texts: EditableSectionTexts;
  query: UseQueryResult<T[]>;
  remove: Pick<UseMutationResult<void, Error, T>, 'mutate' | 'reset' | 'isPending' | 'error'>;
  writable: boolean;
  onNote: (note: string) => void;
  renderList: (items: T[], actions: ItemActions<T>) => ReactNode;
  renderForm: (form: { item: T | null; onClose: () => void; onSaved: (saved: T) => void }) => ReactNode;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const inUse = remove.error instanceof ApiError && remove.error.body.code === 'in_use';
  const titleId = `${name}-title`;
  const actions: ItemActions<T> = {
    edit: setEditing,
    delete: (item) => {
      remove.reset();
      setDeleting(item);
    },
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3" id={titleId}>
          {texts.title}
        </Title>
        {writable && <Button onClick={() => setEditing('new')}>{texts.add}</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        {texts.intro}
      </Text>
      <QueryState query={query}>
        {(list) => (list.length === 0 ? <EmptyState>{texts.empty}</EmptyState> : renderList(list, actions))}
      </QueryState>
      {editing &&
        renderForm({
          item: editing === 'new' ? null : editing,
          onClose: () => setEditing(null),
          onSaved: (saved) => {
            setEditing(null);
            onNote(texts.saved(saved.name));
          },
        })}
      {deleting && (
        <ConfirmDialog
          title={texts.deleteTitle}
          message={texts.confirmDelete(deleting.name)}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={inUse ? texts.inUse : remove.error}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                onNote(texts.deleted(deleting.name));
                setDeleting(null);
              },
            })
          }
        />
      )}
    </Stack>
  );
}
