import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { PASSWORD_MIN_LENGTH } from '@wk/contracts';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { setLanguage } from '../../i18n';
import { showApiErrorsIn } from '../../components/api-form';
import { useErrorMessage } from '../../components/states';
import { AuthLayout } from './auth-layout';

/** Reached from an invitation or reset mail: `?token=…&lang=nl|en`. */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const lang = params.get('lang');
  const form = useForm({
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (value) =>
        value.length < PASSWORD_MIN_LENGTH ? t('auth.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) : null,
      repeat: (value, values) => (value !== values.password ? t('auth.passwordsDiffer') : null),
    },
  });

  useEffect(() => {
    if (lang === 'nl' || lang === 'en') setLanguage(lang);
  }, [lang]);

  const save = useMutation({
    mutationFn: (password: string) =>
      api('/auth/set-password', { method: 'POST', body: { token, password } }),
  });

  const submit = form.onSubmit(({ password }) => save.mutate(password, { onError: showApiErrorsIn(form) }));
  const apiErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const badLink =
    !token || !!apiErrors['token'] || (save.error instanceof ApiError && save.error.status === 404);

  return (
    <AuthLayout title={t('auth.setPasswordTitle')}>
      {save.isSuccess ? (
        <Alert color="teal" role="status" variant="light">
          {t('auth.passwordSet')}
        </Alert>
      ) : badLink ? (
        <Alert color="red" role="alert" variant="light">
          {t('auth.badLink')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {save.isError && (
              <Alert color="red" role="alert" variant="light">
                {errorMessage(save.error)}
              </Alert>
            )}
            <PasswordInput
              label={t('auth.newPassword')}
              description={t('auth.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label={t('auth.repeatPassword')}
              autoComplete="new-password"
              required
              {...form.getInputProps('repeat')}
            />
            <Button type="submit" loading={save.isPending}>
              {t('auth.setPassword')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to={save.isSuccess || badLink ? '/login' : '/forgot-password'} size="sm">
        {save.isSuccess || badLink ? t('auth.backToSignIn') : t('auth.forgot')}
      </Anchor>
    </AuthLayout>
  );
}
