import { Alert, Anchor, Button, Fieldset, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PASSWORD_MIN_LENGTH } from '@wk/contracts';
import type { SetupRequest, SetupState } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import { Loading, useErrorMessage } from '../../components/states';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { currentLanguage } from '../../i18n';
import { AuthLayout } from '../auth/auth-layout';
import { LocaleSelect } from '../../components/locale-select';

export const SETUP_STATE = ['setup'];

export function useSetupState() {
  return useQuery({ queryKey: SETUP_STATE, queryFn: () => api<SetupState>('/setup'), staleTime: 60_000 });
}

/** First run: the organisation and its first admin, with the token the api printed in its log. */
export function SetupPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const state = useSetupState();
  const [form, setForm] = useState({
    token: '',
    name: '',
    locale: currentLanguage() as Locale,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Amsterdam',
    adminName: '',
    adminEmail: '',
    password: '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      api('/setup', {
        method: 'POST',
        body: {
          token: form.token.trim(),
          organisation: { name: form.name.trim(), locale: form.locale, timeZone: form.timeZone },
          admin: { name: form.adminName.trim(), email: form.adminEmail.trim(), password: form.password },
        } satisfies SetupRequest,
      }),
    onSuccess: async () => {
      client.clear();
      await navigate('/', { replace: true });
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const otherError = save.isError && Object.keys(errors).length === 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <AuthLayout title={t('platform.setup.title')}>
      {state.isPending ? (
        <Loading />
      ) : state.data && !state.data.needed ? (
        <Stack gap="sm">
          <Alert color="teal" role="status" variant="light">
            {t('platform.setup.done')}
          </Alert>
          <Anchor component={Link} to="/login">
            {t('platform.setup.toLogin')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text c="dimmed">{t('platform.setup.intro')}</Text>
            {(otherError || state.isError) && (
              <Alert color="red" role="alert" variant="light">
                {errorMessage(save.error ?? state.error)}
              </Alert>
            )}
            <TextInput
              label={t('platform.setup.token')}
              description={t('platform.setup.tokenHint')}
              required
              autoComplete="off"
              value={form.token}
              error={errors['token']}
              onChange={(e) => set('token')(e.currentTarget.value)}
            />
            <Fieldset legend={t('platform.setup.organisation')}>
              <Stack gap="sm">
                <TextInput
                  label={t('platform.setup.organisationName')}
                  required
                  value={form.name}
                  error={errors['organisation.name']}
                  onChange={(e) => set('name')(e.currentTarget.value)}
                />
                <LocaleSelect
                  label={t('platform.setup.locale')}
                  value={form.locale}
                  onChange={(v) => v && set('locale')(v)}
                />
                <TimeZoneSelect
                  label={t('platform.setup.timeZone')}
                  value={form.timeZone}
                  error={errors['organisation.timeZone']}
                  onChange={set('timeZone')}
                />
              </Stack>
            </Fieldset>
            <Fieldset legend={t('platform.setup.admin')}>
              <Stack gap="sm">
                <TextInput
                  label={t('platform.setup.adminName')}
                  required
                  autoComplete="name"
                  value={form.adminName}
                  error={errors['admin.name']}
                  onChange={(e) => set('adminName')(e.currentTarget.value)}
                />
                <TextInput
                  label={t('platform.setup.adminEmail')}
                  type="email"
                  required
                  autoComplete="username"
                  value={form.adminEmail}
                  error={errors['admin.email']}
                  onChange={(e) => set('adminEmail')(e.currentTarget.value)}
                />
                <PasswordInput
                  label={t('platform.setup.password')}
                  description={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
                  required
                  autoComplete="new-password"
                  value={form.password}
                  error={errors['admin.password']}
                  onChange={(e) => set('password')(e.currentTarget.value)}
                />
              </Stack>
            </Fieldset>
            <Button type="submit" loading={save.isPending}>
              {t('platform.setup.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
