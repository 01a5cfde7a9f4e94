import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperatorProfile } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { Loading, useErrorMessage } from '../../components/states';
import { AuthLayout } from '../auth/auth-layout';
import { CredentialsFields } from '../auth/credentials-fields';
import { OperatorOrganisations } from './operator-organisations';

const ME = ['operator', 'me'];

/**
 * The platform operator's door: sign in with the operator account (made with `npm run operator`),
 * then open the queue dashboard. It shares nothing with an organisation's sign-in.
 */
export function OperatorPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const me = useQuery({
    queryKey: ME,
    queryFn: async () => {
      try {
        return await api<OperatorProfile>('/operator/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });
  const form = useForm({ initialValues: { email: '', password: '' } });
  const login = useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) =>
      api('/operator/login', { method: 'POST', body: { email: email.trim(), password } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ME }),
  });
  const logout = useMutation({
    mutationFn: () => api('/operator/logout', { method: 'POST' }),
    onSuccess: () => client.setQueryData(ME, null),
  });
  const submit = form.onSubmit((values) => login.mutate(values));
  const loginError =
    login.error instanceof ApiError && login.error.status === 401
      ? t('auth.wrongCredentials')
      : login.error
        ? errorMessage(login.error)
        : null;

  return (
    <AuthLayout title={t('operator.title')} wide={!!me.data}>
      {me.isPending ? (
        <Loading />
      ) : me.data ? (
        <Stack gap="sm">
          <Text>{t('operator.signedInAs', { name: me.data.name, email: me.data.email })}</Text>
          <Group>
            {/* Bull Board is served by the api itself, outside this app's routes. */}
            <Button component="a" href="/api/operator/queues">
              {t('operator.queues')}
            </Button>
            <Button variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('operator.signOut')}
            </Button>
          </Group>
          <OperatorOrganisations />
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text c="dimmed">{t('operator.intro')}</Text>
            <CredentialsFields
              message={loginError ?? (me.isError ? errorMessage(me.error) : null)}
              email={form.getInputProps('email')}
              password={form.getInputProps('password')}
            />
            <Button type="submit" loading={login.isPending}>
              {t('auth.signIn')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor href="/login" size="sm">
        {t('operator.organisationSignIn')}
      </Anchor>
    </AuthLayout>
  );
}
