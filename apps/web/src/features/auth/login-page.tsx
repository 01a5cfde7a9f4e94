import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useTextFields } from '../../components/text-fields';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useErrorMessage } from '../../components/states';
import { AuthLayout } from './auth-layout';
import { CredentialsFields } from './credentials-fields';
import { useLogin, useMe } from './session';
import { SsoLogin } from '../sso/sso-login';
import { useSetupState } from '../setup/setup-page';

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  const login = useLogin();
  const setup = useSetupState();
  const errorMessage = useErrorMessage();
  const form = useTextFields({ initialValues: { email: '', password: '', organisation: '' } });

  if (me.data) return <Navigate to={safeNext(params.get('next'))} replace />;
  // A fresh installation has nobody to sign in yet: first-run setup comes first.
  if (setup.data?.needed) return <Navigate to="/setup" replace />;

  const submit = form.onSubmit(({ email, password, organisation }) =>
    login.mutate({ email: email.trim(), password, ...(organisation ? { organisation } : {}) }),
  );

  const error = login.error;
  const needsOrganisation = error instanceof ApiError && !!error.fieldErrors()['organisation'];
  const message =
    error instanceof ApiError && error.status === 401
      ? t('auth.wrongCredentials')
      : error instanceof ApiError && error.body.code === 'password_login_disabled'
        ? t('sso.login.passwordDisabled')
        : error instanceof ApiError && error.status === 429
          ? t(error.body.code === 'account_locked' ? 'auth.accountLocked' : 'auth.tooMany')
          : error
            ? errorMessage(error)
            : null;

  return (
    <AuthLayout title={t('auth.signInTitle')}>
      <Text c="dimmed">{t('auth.signInIntro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <CredentialsFields
            message={message}
            email={form.getInputProps('email')}
            password={form.getInputProps('password')}
          />
          {needsOrganisation && (
            <TextInput
              label={t('auth.organisation')}
              description={error instanceof ApiError ? error.fieldErrors()['organisation'] : undefined}
              {...form.getInputProps('organisation')}
            />
          )}
          <Button type="submit" loading={login.isPending}>
            {t('auth.signIn')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.forgot')}
          </Anchor>
        </Stack>
      </form>
      <SsoLogin />
    </AuthLayout>
  );
}
