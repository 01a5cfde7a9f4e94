import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useForm } from '@mantine/form';
import type { ActionCell } from '@wk/contracts';
import { ACTION_LIMITS } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setApiErrors } from '../../components/api-form';
import { useErrorMessage } from '../../components/states';
import { usePeople } from '../people/people-api';
import { useCreateFocus } from './actions-api';

/** The api names the one action's fields in its list; the form has them at the top. */
const ACTION_FIELDS = {
  'actions[0].what': 'what',
  'actions[0].ownerId': 'ownerId',
  'actions[0].dueDate': 'dueDate',
  actions: 'what',
};

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
  const form = useForm({
    initialValues: { title: '', what: '', ownerId: null as string | null, dueDate: '' },
  });
  // A failed save shows under the fields it names, else in the alert.
  const [atFields, setAtFields] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const people = usePeople({ q: q || undefined, status: 'active', offset: 0, limit: 50 });
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }));
  const close = () => {
    create.reset();
    form.reset();
    onClose();
  };
  // The browser's own `required` checks run first (the form keeps its validation).
  const submit = form.onSubmit(({ title, what, ownerId, dueDate }) => {
    if (!cell || !ownerId) return;
    create.mutate(
      { cell, title, actions: [{ what, ownerId, dueDate }] },
      { onSuccess: close, onError: (error) => setAtFields(setApiErrors(form, error, ACTION_FIELDS)) },
    );
  });
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
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('actions.what')}
            required
            autosize
            minRows={2}
            maxLength={ACTION_LIMITS.whatMax}
            {...form.getInputProps('what')}
          />
          <Select
            label={t('actions.owner')}
            placeholder={t('actions.ownerSearch')}
            required
            searchable
            data={options}
            {...form.getInputProps('ownerId')}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={people.isFetching ? '…' : t('actions.noPeople')}
          />
          <TextInput type="date" label={t('actions.dueDate')} required {...form.getInputProps('dueDate')} />
          {create.isError && !atFields && (
            <Alert color="red" role="alert">
              {errorMessage(create.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!form.values.ownerId}>
              {t('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
