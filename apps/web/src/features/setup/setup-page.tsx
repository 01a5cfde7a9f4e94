import { Alert, Anchor, Button, Fieldset, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PASSWORD_MIN_LENGTH } from '@wk/contracts';
import type { SetupRequest, SetupState } from '@wk/contracts';
import type { Locale } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { showApiErrorsIn } from '../../components/api-form';
import { saveErrors } from '../../components/form-dialog';
import { Loading, useErrorMessage } from '../../components/states';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { currentLanguage } from '../../i18n/language';
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
  const form = useForm({
    initialValues: {
      token: '',
      name: '',
      locale: currentLanguage() as Locale,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Amsterdam',
      adminName: '',
      adminEmail: '',
      password: '',
    },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      api('/setup', {
        method: 'POST',
        body: {
          token: values.token.trim(),
          organisation: { name: values.name.trim(), locale: values.locale, timeZone: values.timeZone },
          admin: {
            name: values.adminName.trim(),
            email: values.adminEmail.trim(),
            password: values.password,
          },
        } satisfies SetupRequest,
      }),
    onSuccess: async () => {
      client.clear();
      await navigate('/', { replace: true });
    },
  });
  const otherError = saveErrors(save).other;
  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onError: showApiErrorsIn(form, {
        'organisation.name': 'name',
        'organisation.timeZone': 'timeZone',
        'admin.name': 'adminName',
        'admin.email': 'adminEmail',
        'admin.password': 'password',
      }),
    }),
  );

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
              {...form.getInputProps('token')}
            />
            <Fieldset legend={t('platform.setup.organisation')}>
              <Stack gap="sm">
                <TextInput
                  label={t('platform.setup.organisationName')}
                  required
                  {...form.getInputProps('name')}
                />
                <LocaleSelect
                  label={t('platform.setup.locale')}
                  value={form.values.locale}
                  onChange={(v) => v && form.setFieldValue('locale', v)}
                />
                <TimeZoneSelect
                  label={t('platform.setup.timeZone')}
                  {...form.getInputProps('timeZone')}
                  value={form.values.timeZone}
                />
              </Stack>
            </Fieldset>
            <Fieldset legend={t('platform.setup.admin')}>
              <Stack gap="sm">
                <TextInput
                  label={t('platform.setup.adminName')}
                  required
                  autoComplete="name"
                  {...form.getInputProps('adminName')}
                />
                <TextInput
                  label={t('platform.setup.adminEmail')}
                  type="email"
                  required
                  autoComplete="username"
                  {...form.getInputProps('adminEmail')}
                />
                <PasswordInput
                  label={t('platform.setup.password')}
                  description={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
                  required
                  autoComplete="new-password"
                  {...form.getInputProps('password')}
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
