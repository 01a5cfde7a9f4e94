import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client';
import { showApiErrorsIn } from '../../components/api-form';
import { saveErrors } from '../../components/form-dialog';
import { useErrorMessage } from '../../components/states';
import { AuthLayout } from './auth-layout';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const form = useForm({ initialValues: { email: '' } });
  const request = useMutation({
    mutationFn: (email: string) =>
      api('/auth/password-reset', { method: 'POST', body: { email: email.trim() } }),
  });
  const submit = form.onSubmit(({ email }) => request.mutate(email, { onError: showApiErrorsIn(form) }));

  return (
    <AuthLayout title={t('auth.forgotTitle')}>
      {request.isSuccess ? (
        <Alert color="teal" role="status" variant="light">
          {t('auth.linkSent')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text c="dimmed">{t('auth.forgotIntro')}</Text>
            {saveErrors(request).other && (
              <Alert color="red" role="alert" variant="light">
                {request.error instanceof ApiError && request.error.status === 429
                  ? t('auth.tooMany')
                  : errorMessage(request.error)}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending}>
              {t('auth.sendLink')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthLayout>
  );
}
