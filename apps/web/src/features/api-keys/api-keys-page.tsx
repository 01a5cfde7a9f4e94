import { Alert, Button, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ApiKey, CreatedApiKey } from '@wk/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CopyField } from '../../components/copy-field';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, QueryState, SuccessNote } from '../../components/states';
import { ApiKeyUsage } from './api-key-usage';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './api-keys-api';
import { revocableColumns } from '../../components/revocable-columns';

/** The new key, shown this once with a copy button and the warning that it will not come back. */
function CreatedKey({ created }: { created: CreatedApiKey }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" role="status">
      <Stack gap="sm">
        <Text fw={700} c="gray.9">
          {t('apiKeys.createdTitle', { name: created.name })}
        </Text>
        <Text size="sm" c="gray.9">
          {t('apiKeys.showOnce')}
        </Text>
        <CopyField label={t('apiKeys.key')} value={created.key} copyLabel={t('apiKeys.copy')} />
      </Stack>
    </Alert>
  );
}

function KeyTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const { t } = useTranslation();
  return (
    <ListTable
      label={t('apiKeys.list')}
      minWidth={720}
      rows={keys}
      rowKey={(key) => key.id}
      columns={[
        { key: 'name', header: t('apiKeys.name'), cell: (key) => key.name, cellProps: { fw: 600 } },
        { key: 'prefix', header: t('apiKeys.prefix'), cell: (key) => <Code>{key.prefix}…</Code> },
        {
          key: 'createdAt',
          header: t('apiKeys.createdAt'),
          cell: (key) => (
            <>
              {formatDateTime(key.createdAt)}
              {key.createdByName && (
                <Text size="xs" c="dimmed">
                  {t('apiKeys.createdBy')} {key.createdByName}
                </Text>
              )}
            </>
          ),
        },
        ...revocableColumns(t, 'apiKeys', onRevoke),
      ]}
    />
  );
}

/** Admin: keys for the CRM trigger. A key is shown once at creation; revoking is immediate. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [name, setName] = useState('');
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [note, setNote] = useState('');
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNote('');
    create.mutate({ name: name.trim() }, { onSuccess: () => setName('') });
  };

  return (
    <Page title={t('apiKeys.title')} intro={t('apiKeys.intro')}>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('apiKeys.name')}
              description={t('apiKeys.nameHint')}
              required
              maxLength={120}
              value={name}
              error={errors['name']}
              onChange={(e) => setName(e.currentTarget.value)}
              style={{ flex: '1 1 260px' }}
            />
            <Button type="submit" loading={create.isPending}>
              {t('apiKeys.create')}
            </Button>
          </Group>
          {create.isError && Object.keys(errors).length === 0 && <ErrorState error={create.error} />}
        </form>
      </Paper>
      {create.data && <CreatedKey created={create.data} />}
      <SuccessNote>{note}</SuccessNote>
      <section aria-labelledby="keys-title">
        <Title order={2} size="h4" id="keys-title" mb="sm">
          {t('apiKeys.list')}
        </Title>
        <QueryState query={keys}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState>{t('apiKeys.empty')}</EmptyState>
            ) : (
              <KeyTable
                keys={list}
                onRevoke={(key) => {
                  revoke.reset();
                  setRevoking(key);
                }}
              />
            )
          }
        </QueryState>
      </section>
      <ApiKeyUsage />
      {revoking && (
        <ConfirmDialog
          title={t('apiKeys.revokeTitle')}
          message={t('apiKeys.confirmRevoke', { name: revoking.name })}
          confirmLabel={t('apiKeys.revoke')}
          loading={revoke.isPending}
          error={revoke.error ?? undefined}
          onClose={() => setRevoking(null)}
          onConfirm={() =>
            revoke.mutate(revoking, {
              onSuccess: () => {
                setNote(t('apiKeys.revokedNote', { name: revoking.name }));
                if (create.data?.id === revoking.id) create.reset();
                setRevoking(null);
              },
            })
          }
        />
      )}
    </Page>
  );
}
