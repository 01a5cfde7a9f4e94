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
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { showApiErrorsIn, useFormRules } from '../../components/api-form';
import { saveErrors } from '../../components/form-dialog';
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
  const rules = useFormRules();
  const form = useForm({
    initialValues: {
      issuerUrl: settings?.issuerUrl ?? '',
      clientId: settings?.clientId ?? '',
      clientSecret: '',
      allowedDomains: (settings?.allowedDomains ?? []).join('\n'),
      justInTime: settings?.justInTime ?? false,
      passwordLoginDisabled: settings?.passwordLoginDisabled ?? false,
      acceptUnverifiedEmail: settings?.acceptUnverifiedEmail ?? false,
    },
    validate: { issuerUrl: rules.required, clientId: rules.required },
  });
  const save = useMutation({
    mutationFn: (body: UpdateSsoSettingsRequest) =>
      api<SsoSettings>('/organisation/sso', { method: 'PUT', body: { ...body } }),
    onSuccess: (saved) => {
      form.setFieldValue('clientSecret', '');
      client.setQueryData(KEY, saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => api<void>('/organisation/sso', { method: 'DELETE' }),
    onSuccess: () => client.setQueryData(KEY, null),
  });
  const submit = form.onSubmit(({ issuerUrl, clientId, clientSecret, allowedDomains, ...switches }) => {
    remove.reset();
    save.mutate(
      {
        issuerUrl: issuerUrl.trim(),
        clientId: clientId.trim(),
        ...(clientSecret ? { clientSecret } : {}),
        allowedDomains: allowedDomains
          .split(/[\s,;]+/)
          .map(normaliseSsoDomain)
          .filter(Boolean),
        ...switches,
      },
      { onError: showApiErrorsIn(form) },
    );
  });
  const current = save.data ?? settings;
  const otherError = saveErrors(save).other;

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
          {...form.getInputProps('issuerUrl')}
        />
        <TextInput label={t('sso.settings.clientId')} required {...form.getInputProps('clientId')} />
        <PasswordInput
          label={t('sso.settings.clientSecret')}
          description={
            current?.clientSecretSet ? t('sso.settings.clientSecretSet') : t('sso.settings.clientSecretHint')
          }
          required={!current?.clientSecretSet}
          autoComplete="new-password"
          {...form.getInputProps('clientSecret')}
        />
        <Textarea
          label={t('sso.settings.allowedDomains')}
          description={t('sso.settings.allowedDomainsHint')}
          required
          autosize
          minRows={2}
          {...form.getInputProps('allowedDomains')}
        />
        <Checkbox
          label={t('sso.settings.justInTime')}
          {...form.getInputProps('justInTime', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('sso.settings.acceptUnverifiedEmail')}
          description={t('sso.settings.acceptUnverifiedEmailHint')}
          {...form.getInputProps('acceptUnverifiedEmail', { type: 'checkbox' })}
        />
        {form.values.acceptUnverifiedEmail && (
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
          {...form.getInputProps('passwordLoginDisabled', { type: 'checkbox' })}
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
