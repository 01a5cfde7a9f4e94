import {
  Alert,
  Button,
  Checkbox,
  Code,
  Fieldset,
  Group,
  PasswordInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { normaliseSsoDomain } from '@wk/contracts';
import type { SsoSettings, UpdateSsoSettingsRequest } from '@wk/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { QueryState, SuccessNote, useErrorMessage } from '../../components/states';

const KEY = ['organisation', 'sso'];

/** The settings, or null while SSO is not set up (the api answers 404 then). */
async function loadSettings(signal: AbortSignal): Promise<SsoSettings | null> {
  try {
    return await api<SsoSettings>('/organisation/sso', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function SsoForm({ settings }: { settings: SsoSettings | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const [issuerUrl, setIssuerUrl] = useState(settings?.issuerUrl ?? '');
  const [clientId, setClientId] = useState(settings?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState((settings?.allowedDomains ?? []).join('\n'));
  const [justInTime, setJustInTime] = useState(settings?.justInTime ?? false);
  const [passwordOff, setPasswordOff] = useState(settings?.passwordLoginDisabled ?? false);
  const [acceptUnverified, setAcceptUnverified] = useState(settings?.acceptUnverifiedEmail ?? false);
  const save = useMutation({
    mutationFn: (body: UpdateSsoSettingsRequest) =>
      api<SsoSettings>('/organisation/sso', { method: 'PUT', body: { ...body } }),
    onSuccess: (saved) => {
      setClientSecret('');
      client.setQueryData(KEY, saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => api<void>('/organisation/sso', { method: 'DELETE' }),
    onSuccess: () => client.setQueryData(KEY, null),
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const fieldError = (field: string) =>
    errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}[`))?.[1];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.reset();
    save.mutate({
      issuerUrl: issuerUrl.trim(),
      clientId: clientId.trim(),
      ...(clientSecret ? { clientSecret } : {}),
      allowedDomains: domains
        .split(/[\s,;]+/)
        .map(normaliseSsoDomain)
        .filter(Boolean),
      justInTime,
      passwordLoginDisabled: passwordOff,
      acceptUnverifiedEmail: acceptUnverified,
    });
  };
  const current = save.data ?? settings;
  const otherError = save.isError && Object.keys(errors).length === 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {!current && <Text c="dimmed">{t('sso.settings.notSetUp')}</Text>}
        {save.isSuccess && <SuccessNote>{t('common.saved')}</SuccessNote>}
        {remove.isSuccess && <SuccessNote>{t('sso.settings.removed')}</SuccessNote>}
        {(otherError || remove.isError) && (
          <Alert color="red" role="alert" variant="light">
            {errorMessage(save.error ?? remove.error)}
          </Alert>
        )}
        {current && (
          <Text size="sm">
            {t('sso.settings.redirectUri')}: <Code>{current.redirectUri}</Code>
          </Text>
        )}
        <TextInput
          label={t('sso.settings.issuerUrl')}
          description={t('sso.settings.issuerUrlHint')}
          required
          type="url"
          value={issuerUrl}
          error={fieldError('issuerUrl')}
          onChange={(e) => setIssuerUrl(e.currentTarget.value)}
        />
        <TextInput
          label={t('sso.settings.clientId')}
          required
          value={clientId}
          error={fieldError('clientId')}
          onChange={(e) => setClientId(e.currentTarget.value)}
        />
        <PasswordInput
          label={t('sso.settings.clientSecret')}
          description={
            current?.clientSecretSet ? t('sso.settings.clientSecretSet') : t('sso.settings.clientSecretHint')
          }
          required={!current?.clientSecretSet}
          autoComplete="new-password"
          value={clientSecret}
          error={fieldError('clientSecret')}
          onChange={(e) => setClientSecret(e.currentTarget.value)}
        />
        <Textarea
          label={t('sso.settings.allowedDomains')}
          description={t('sso.settings.allowedDomainsHint')}
          required
          autosize
          minRows={2}
          value={domains}
          error={fieldError('allowedDomains')}
          onChange={(e) => setDomains(e.currentTarget.value)}
        />
        <Checkbox
          label={t('sso.settings.justInTime')}
          checked={justInTime}
          error={fieldError('justInTime')}
          onChange={(e) => setJustInTime(e.currentTarget.checked)}
        />
        <Checkbox
          label={t('sso.settings.acceptUnverifiedEmail')}
          description={t('sso.settings.acceptUnverifiedEmailHint')}
          checked={acceptUnverified}
          error={fieldError('acceptUnverifiedEmail')}
          onChange={(e) => setAcceptUnverified(e.currentTarget.checked)}
        />
        {acceptUnverified && (
          <Alert color="orange" variant="light">
            {t('sso.settings.acceptUnverifiedEmailWarning')}
          </Alert>
        )}
        <Checkbox
          label={t('sso.settings.passwordLoginDisabled')}
          description={
            current && !current.callerHasSignedInWithSso
              ? t('sso.settings.signInFirst')
              : t('sso.settings.passwordLoginHint')
          }
          checked={passwordOff}
          error={fieldError('passwordLoginDisabled')}
          onChange={(e) => setPasswordOff(e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          {current && (
            <Button
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => {
                if (window.confirm(t('sso.settings.removeConfirm'))) {
                  save.reset();
                  remove.mutate();
                }
              }}
            >
              {t('sso.settings.remove')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** The organisation's single sign-on, on the organisation page (admins only). */
export function SsoSettingsSection() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: KEY, queryFn: ({ signal }) => loadSettings(signal) });
  return (
    <Fieldset id="sso" legend={t('sso.settings.title')} maw={560}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('sso.settings.intro')}
        </Text>
        <QueryState query={settings}>
          {(data) => <SsoForm key={data?.updatedAt ?? 'new'} settings={data} />}
        </QueryState>
      </Stack>
    </Fieldset>
  );
}
