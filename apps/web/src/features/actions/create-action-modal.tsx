import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ActionCell } from '@wk/contracts';
import { ACTION_LIMITS } from '@wk/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/states';
import { usePeople } from '../people/people-api';
import { useCreateFocus } from './actions-api';

/** "Actie maken" on a KPI cell: a focus with one action (what, owner, due date). */
export function CreateActionModal({
  cell,
  describe,
  onClose,
}: {
  /** null: closed. */
  cell: ActionCell | null;
  /** The cell in words: value · group · period. */
  describe: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateFocus();
  const [title, setTitle] = useState('');
  const [what, setWhat] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const people = usePeople({ q: q || undefined, status: 'active', offset: 0, limit: 50 });
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }));
  const close = () => {
    create.reset();
    setTitle('');
    setWhat('');
    setOwnerId(null);
    setDueDate('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!cell || !ownerId) return;
    create.mutate({ cell, title, actions: [{ what, ownerId, dueDate }] }, { onSuccess: close });
  };
  return (
    <Modal
      opened={cell !== null}
      onClose={close}
      title={t('actions.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('actions.cancel') }}
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">
            <strong>{t('actions.cell')}:</strong> {describe}
          </Text>
          <TextInput
            label={t('actions.focusTitle')}
            description={t('actions.focusTitleHint')}
            required
            maxLength={ACTION_LIMITS.titleMax}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            label={t('actions.what')}
            required
            autosize
            minRows={2}
            maxLength={ACTION_LIMITS.whatMax}
            value={what}
            onChange={(e) => setWhat(e.currentTarget.value)}
          />
          <Select
            label={t('actions.owner')}
            placeholder={t('actions.ownerSearch')}
            required
            searchable
            data={options}
            value={ownerId}
            onChange={setOwnerId}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={people.isFetching ? '…' : t('actions.noPeople')}
          />
          <TextInput
            type="date"
            label={t('actions.dueDate')}
            required
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
          />
          {create.isError && (
            <Alert color="red" role="alert">
              {errorMessage(create.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!ownerId}>
              {t('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
