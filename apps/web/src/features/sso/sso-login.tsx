import { Alert, Button, Divider, Stack, TextInput } from '@mantine/core';
import { SSO_ERROR_CODES } from '@wk/contracts';
import type { SsoErrorCode } from '@wk/contracts';
import { useTextFields } from '../../components/text-fields';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/**
 * Where single sign-on starts: a work e-mail (its domain finds the organisation, nothing to
 * remember) or the organisation code (when the domain is shared). A full page load, since the
 * browser goes to the identity provider and back.
 */
export function ssoStartUrl(input: string): string {
  const value = input.trim();
  return value.includes('@')
    ? `/api/auth/sso/start?email=${encodeURIComponent(value)}`
    : `/api/auth/sso/${encodeURIComponent(value.toLowerCase())}/start`;
}

export function SsoLogin({
  go = (url: string) => window.location.assign(url),
}: {
  go?: (url: string) => void;
}) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const form = useTextFields({
    initialValues: { value: '' },
    validate: { value: (value) => (value.trim() ? null : t('sso.login.required')) },
  });
  const [busy, setBusy] = useState(false);
  const code = params.get('sso_error');
  const error = code && (SSO_ERROR_CODES as readonly string[]).includes(code) ? (code as SsoErrorCode) : null;

  const submit = form.onSubmit(({ value }) => {
    setBusy(true);
    go(ssoStartUrl(value));
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="sso-title">
      <Stack gap="sm">
        <Divider label={<span id="sso-title">{t('sso.login.title')}</span>} labelPosition="center" />
        {error && (
          <Alert color="red" role="alert" variant="light">
            {t(`sso.login.errors.${error}`)}
          </Alert>
        )}
        <TextInput
          label={t('sso.login.field')}
          description={t('sso.login.fieldHint')}
          autoComplete="email"
          {...form.getInputProps('value')}
        />
        <Button type="submit" variant="default" loading={busy}>
          {t('sso.login.go')}
        </Button>
      </Stack>
    </form>
  );
}
