import { Checkbox, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Person, Role, Team } from '@wk/contracts';
import { ROLES, roleHas } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { showApiErrorsIn, useFormRules } from '../../components/api-form';
import { FormDialog } from '../../components/form-dialog';
import { LocaleSelect } from '../../components/locale-select';
import { useMe } from '../auth/session';
import { useSavePerson } from './people-api';

/** Create (person undefined) or edit a person; api field errors show under their fields. */
export function PersonForm({
  person,
  teams,
  onClose,
  onSaved,
}: {
  person?: Person;
  teams: Team[];
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const rules = useFormRules();
  const save = useSavePerson();
  const form = useForm({
    initialValues: {
      name: person?.name ?? '',
      email: person?.email ?? '',
      employeeNumber: person?.employeeNumber ?? '',
      role: (person?.role ?? 'employee') as Role,
      teamId: person?.teamId ?? null,
      locale: (person?.locale ?? null) as Locale | null,
      invite: true,
      status: person?.status ?? 'invited',
    },
    validate: { name: rules.required, email: rules.required },
  });

  const mayAssignAdmin = !!me && roleHas(me.role, 'people.assignAdmin');
  const roles = ROLES.filter((r) => r !== 'admin' || mayAssignAdmin || person?.role === 'admin');

  const submit = form.onSubmit((v) => {
    const body = {
      name: v.name.trim(),
      email: v.email.trim(),
      employeeNumber: v.employeeNumber.trim() || null,
      role: v.role,
      teamId: v.teamId,
      locale: v.locale,
      ...(person
        ? v.status === 'invited'
          ? {}
          : { status: v.status as 'active' | 'deactivated' }
        : { invite: v.invite }),
    };
    save.mutate(
      { id: person?.id, body },
      {
        onSuccess: (saved) =>
          onSaved(person ? t('people.updated') : t('people.created', { name: saved.name })),
        onError: showApiErrorsIn(form),
      },
    );
  });

  return (
    <FormDialog
      title={person ? t('people.editTitle', { name: person.name }) : t('people.createTitle')}
      onClose={onClose}
      onSubmit={() => submit()}
      save={save}
      submitLabel={t('common.save')}
    >
      <TextInput label={t('people.name')} required data-autofocus {...form.getInputProps('name')} />
      <TextInput
        label={t('people.email')}
        type="email"
        required
        description={
          person?.pendingEmail ? t('people.pendingEmail', { email: person.pendingEmail }) : undefined
        }
        {...form.getInputProps('email')}
      />
      <TextInput label={t('people.employeeNumber')} {...form.getInputProps('employeeNumber')} />
      <Select
        label={t('people.role')}
        data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        allowDeselect={false}
        {...form.getInputProps('role')}
      />
      <Select
        label={t('people.team')}
        placeholder={t('people.noTeam')}
        data={teams.map((team) => ({ value: team.id, label: team.name }))}
        clearable
        searchable
        {...form.getInputProps('teamId')}
      />
      <LocaleSelect
        label={t('people.language')}
        placeholder={t('people.languageDefault')}
        {...form.getInputProps('locale')}
        value={form.values.locale}
      />
      {person && person.status !== 'invited' && (
        <Select
          label={t('people.status')}
          data={(['active', 'deactivated'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
      )}
      {!person && (
        <Checkbox
          label={t('people.inviteOnCreate')}
          {...form.getInputProps('invite', { type: 'checkbox' })}
        />
      )}
    </FormDialog>
  );
}
