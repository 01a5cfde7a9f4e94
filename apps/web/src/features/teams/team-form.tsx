import { Alert, Button, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import type { Person, Team } from '@wk/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';
import { ApiError } from '../../api/client';
import { useErrorMessage } from '../../components/states';
import { subtreeIds } from './team-tree';
import { useUpdateTeam } from './teams-api';

/** Rename, move and choose managers of a team. */
export function TeamForm({
  team,
  teams,
  managers,
  onClose,
  onSaved,
}: {
  team: Team;
  teams: Team[];
  managers: Person[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const update = useUpdateTeam();
  const [name, setName] = useState(team.name);
  const [parentId, setParentId] = useState<string | null>(team.parentId);
  const [managerIds, setManagerIds] = useState<string[]>(team.managerIds);
  const blocked = subtreeIds(teams, team.id);
  const errors = update.error instanceof ApiError ? update.error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: team.id, body: { name: name.trim(), parentId }, managerIds }, { onSuccess: onSaved });
  };

  return (
    <Dialog onClose={onClose} title={t('teams.editTitle', { name: team.name })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {update.isError && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert" variant="light">
              {errorMessage(update.error)}
            </Alert>
          )}
          <TextInput
            label={t('teams.name')}
            required
            value={name}
            error={errors['name']}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            label={t('teams.parent')}
            placeholder={t('teams.topLevel')}
            data={teams.filter((x) => !blocked.has(x.id)).map((x) => ({ value: x.id, label: x.name }))}
            value={parentId}
            error={errors['parentId']}
            clearable
            searchable
            onChange={setParentId}
          />
          <MultiSelect
            label={t('teams.managers')}
            data={managers.map((p) => ({ value: p.id, label: p.name }))}
            value={managerIds}
            error={errors['userIds']}
            searchable
            onChange={setManagerIds}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
