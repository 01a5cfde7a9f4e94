import { Alert, Button, Code, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import type { CreatedScimToken, ScimToken } from '@wk/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CopyField } from '../../components/copy-field';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { EmptyState, ErrorState, QueryState, SuccessNote } from '../../components/states';
import { useCreateScimToken, useRevokeScimToken, useScimSettings } from './scim-api';
import { revocableColumns } from '../../components/revocable-columns';

/** The new token, shown this once with a copy button and the warning that it will not come back. */
function CreatedToken({ created }: { created: CreatedScimToken }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" role="status">
      <Stack gap="sm">
        <Text fw={700} c="gray.9">
          {t('scim.createdTitle', { name: created.name })}
        </Text>
        <Text size="sm" c="gray.9">
          {t('scim.showOnce')}
        </Text>
        <CopyField label={t('scim.token')} value={created.token} copyLabel={t('scim.copy')} />
      </Stack>
    </Alert>
  );
}

function TokenTable({ tokens, onRevoke }: { tokens: ScimToken[]; onRevoke: (token: ScimToken) => void }) {
  const { t } = useTranslation();
  return (
    <ListTable
      label={t('scim.list')}
      minWidth={640}
      rows={tokens}
      rowKey={(token) => token.id}
      columns={[
        { key: 'name', header: t('scim.name'), cell: (token) => token.name, cellProps: { fw: 600 } },
        { key: 'prefix', header: t('scim.prefix'), cell: (token) => <Code>{token.prefix}…</Code> },
        { key: 'createdAt', header: t('scim.createdAt'), cell: (token) => formatDateTime(token.createdAt) },
        ...revocableColumns(t, 'scim', onRevoke),
      ]}
    />
  );
}

/** Provisioning by the identity provider (SCIM), on the organisation page (admins only). */
export function ScimSettingsSection() {
  const { t } = useTranslation();
  const settings = useScimSettings();
  const create = useCreateScimToken();
  const revoke = useRevokeScimToken();
  const [name, setName] = useState('');
  const [revoking, setRevoking] = useState<ScimToken | null>(null);
  const [note, setNote] = useState('');
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNote('');
    create.mutate({ name: name.trim() }, { onSuccess: () => setName('') });
  };

  return (
    <Fieldset legend={t('scim.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('scim.intro')}
        </Text>
        <QueryState query={settings}>
          {(data) => (
            <Stack gap="md">
              <CopyField label={t('scim.baseUrl')} value={data.baseUrl} copyLabel={t('scim.copy')} />
              <Text size="sm">{t('scim.rules')}</Text>
              <form onSubmit={submit} noValidate>
                <Group align="flex-end" wrap="wrap">
                  <TextInput
                    label={t('scim.name')}
                    description={t('scim.nameHint')}
                    required
                    maxLength={80}
                    value={name}
                    error={errors['name']}
                    onChange={(e) => setName(e.currentTarget.value)}
                    style={{ flex: '1 1 240px' }}
                  />
                  <Button type="submit" loading={create.isPending}>
                    {t('scim.create')}
                  </Button>
                </Group>
                {create.isError && Object.keys(errors).length === 0 && <ErrorState error={create.error} />}
              </form>
              {create.data && <CreatedToken created={create.data} />}
              <SuccessNote>{note}</SuccessNote>
              {data.tokens.length === 0 ? (
                <EmptyState>{t('scim.empty')}</EmptyState>
              ) : (
                <TokenTable
                  tokens={data.tokens}
                  onRevoke={(token) => {
                    revoke.reset();
                    setRevoking(token);
                  }}
                />
              )}
            </Stack>
          )}
        </QueryState>
      </Stack>
      {revoking && (
        <ConfirmDialog
          title={t('scim.revokeTitle')}
          message={t('scim.confirmRevoke', { name: revoking.name })}
          confirmLabel={t('scim.revoke')}
          loading={revoke.isPending}
          error={revoke.error ?? undefined}
          onClose={() => setRevoking(null)}
          onConfirm={() =>
            revoke.mutate(revoking, {
              onSuccess: () => {
                setNote(t('scim.revokedNote', { name: revoking.name }));
                if (create.data?.id === revoking.id) create.reset();
                setRevoking(null);
              },
            })
          }
        />
      )}
    </Fieldset>
  );
}
