import { MultiSelect, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Person, Team } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { showApiErrorsIn, useFormRules } from '../../components/api-form';
import { FormDialog } from '../../components/form-dialog';
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
  const rules = useFormRules();
  const update = useUpdateTeam();
  const form = useForm({
    initialValues: { name: team.name, parentId: team.parentId, managerIds: team.managerIds },
    validate: { name: rules.required },
  });
  const blocked = subtreeIds(teams, team.id);

  const submit = form.onSubmit(({ name, parentId, managerIds }) =>
    update.mutate(
      { id: team.id, body: { name: name.trim(), parentId }, managerIds },
      { onSuccess: onSaved, onError: showApiErrorsIn(form, { userIds: 'managerIds' }) },
    ),
  );

  return (
    <FormDialog
      title={t('teams.editTitle', { name: team.name })}
      onClose={onClose}
      onSubmit={() => submit()}
      save={update}
      submitLabel={t('common.save')}
    >
      <TextInput label={t('teams.name')} required {...form.getInputProps('name')} />
      <Select
        label={t('teams.parent')}
        placeholder={t('teams.topLevel')}
        data={teams.filter((x) => !blocked.has(x.id)).map((x) => ({ value: x.id, label: x.name }))}
        clearable
        searchable
        {...form.getInputProps('parentId')}
      />
      <MultiSelect
        label={t('teams.managers')}
        data={managers.map((p) => ({ value: p.id, label: p.name }))}
        searchable
        {...form.getInputProps('managerIds')}
      />
    </FormDialog>
  );
}
