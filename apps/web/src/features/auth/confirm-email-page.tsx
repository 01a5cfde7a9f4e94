import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { setLanguage } from '../../i18n';
import { useErrorMessage } from '../../components/states';
import { AuthLayout } from './auth-layout';

/**
 * Reached from the mail sent to a new address: `?token=…&lang=nl|en`. Confirming is a deliberate
 * click, not a page load, so a mail scanner that opens links does not confirm on someone's behalf.
 */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const lang = params.get('lang');
  useEffect(() => {
    if (lang === 'nl' || lang === 'en') setLanguage(lang);
  }, [lang]);
  const confirm = useMutation({
    mutationFn: () => api('/auth/confirm-email', { method: 'POST', body: { token } }),
  });
  const badLink = !token || (confirm.error instanceof ApiError && confirm.error.body.code === 'link_invalid');

  return (
    <AuthLayout title={t('auth.confirmEmailTitle')}>
      {confirm.isSuccess ? (
        <Alert color="teal" role="status" variant="light">
          {t('auth.emailConfirmed')}
        </Alert>
      ) : badLink ? (
        <Alert color="red" role="alert" variant="light">
          {t('auth.badEmailLink')}
        </Alert>
      ) : (
        <Stack gap="sm">
          {confirm.isError && (
            <Alert color="red" role="alert" variant="light">
              {errorMessage(confirm.error)}
            </Alert>
          )}
          <Text>{t('auth.confirmEmailIntro')}</Text>
          <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
            {t('auth.confirmEmail')}
          </Button>
        </Stack>
      )}
      <Anchor component={Link} to="/login" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthLayout>
  );
}
