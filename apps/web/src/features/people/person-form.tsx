import { Alert, Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import type { Person, Role, Team } from '@wk/contracts';
import { ROLES, roleHas } from '@wk/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';
import { ApiError } from '../../api/client';
import { useErrorMessage } from '../../components/states';
import { useMe } from '../auth/session';
import { useSavePerson } from './people-api';
import { LocaleSelect } from '../../components/locale-select';
import type { Locale } from '@wk/domain';

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
  const errorMessage = useErrorMessage();
  const save = useSavePerson();
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [employeeNumber, setEmployeeNumber] = useState(person?.employeeNumber ?? '');
  const [role, setRole] = useState<Role>(person?.role ?? 'employee');
  const [teamId, setTeamId] = useState<string | null>(person?.teamId ?? null);
  const [locale, setLocale] = useState<string | null>(person?.locale ?? null);
  const [invite, setInvite] = useState(true);
  const [status, setStatus] = useState(person?.status ?? 'invited');

  const mayAssignAdmin = !!me && roleHas(me.role, 'people.assignAdmin');
  const roles = ROLES.filter((r) => r !== 'admin' || mayAssignAdmin || person?.role === 'admin');
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const otherError = save.isError && Object.keys(errors).length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: name.trim(),
      email: email.trim(),
      employeeNumber: employeeNumber.trim() || null,
      role,
      teamId,
      locale: (locale as 'nl' | 'en' | null) ?? null,
      ...(person ? (status === 'invited' ? {} : { status: status as 'active' | 'deactivated' }) : { invite }),
    };
    save.mutate(
      { id: person?.id, body },
      {
        onSuccess: (saved) =>
          onSaved(person ? t('people.updated') : t('people.created', { name: saved.name })),
      },
    );
  };

  return (
    <Dialog
      onClose={onClose}
      title={person ? t('people.editTitle', { name: person.name }) : t('people.createTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {otherError && (
            <Alert color="red" role="alert" variant="light">
              {errorMessage(save.error)}
            </Alert>
          )}
          <TextInput
            label={t('people.name')}
            required
            value={name}
            error={errors['name']}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <TextInput
            label={t('people.email')}
            type="email"
            required
            value={email}
            error={errors['email']}
            description={
              person?.pendingEmail ? t('people.pendingEmail', { email: person.pendingEmail }) : undefined
            }
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <TextInput
            label={t('people.employeeNumber')}
            value={employeeNumber}
            error={errors['employeeNumber']}
            onChange={(e) => setEmployeeNumber(e.currentTarget.value)}
          />
          <Select
            label={t('people.role')}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            error={errors['role']}
            allowDeselect={false}
            onChange={(v) => v && setRole(v as Role)}
          />
          <Select
            label={t('people.team')}
            placeholder={t('people.noTeam')}
            data={teams.map((team) => ({ value: team.id, label: team.name }))}
            value={teamId}
            error={errors['teamId']}
            clearable
            searchable
            onChange={setTeamId}
          />
          <LocaleSelect
            label={t('people.language')}
            placeholder={t('people.languageDefault')}
            value={locale as Locale | null}
            onChange={setLocale}
          />
          {person && person.status !== 'invited' && (
            <Select
              label={t('people.status')}
              data={(['active', 'deactivated'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
              value={status}
              allowDeselect={false}
              error={errors['status']}
              onChange={(v) => v && setStatus(v as typeof status)}
            />
          )}
          {!person && (
            <Checkbox
              label={t('people.inviteOnCreate')}
              checked={invite}
              onChange={(e) => setInvite(e.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
