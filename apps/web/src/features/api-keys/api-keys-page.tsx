import { Code, Paper, Text, Title } from '@mantine/core';
import type { ApiKey } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateByNameForm, RevokeConfirm, ShownOnce } from '../../components/bearer-secrets';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { Page } from '../../components/page';
import { EmptyState, QueryState, SuccessNote } from '../../components/states';
import { ApiKeyUsage } from './api-key-usage';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './api-keys-api';
import { revocableColumns } from '../../components/revocable-columns';

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
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [note, setNote] = useState('');

  return (
    <Page title={t('apiKeys.title')} intro={t('apiKeys.intro')}>
      <Paper withBorder p="md">
        <CreateByNameForm
          ns="apiKeys"
          create={create}
          maxLength={120}
          minWidth={260}
          onSubmit={() => setNote('')}
        />
      </Paper>
      {create.data && (
        <ShownOnce
          title={t('apiKeys.createdTitle', { name: create.data.name })}
          warning={t('apiKeys.showOnce')}
          label={t('apiKeys.key')}
          value={create.data.key}
          copyLabel={t('apiKeys.copy')}
        />
      )}
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
        <RevokeConfirm
          ns="apiKeys"
          item={revoking}
          revoke={revoke}
          onClose={() => setRevoking(null)}
          onRevoked={(revokedNote) => {
            setNote(revokedNote);
            if (create.data?.id === revoking.id) create.reset();
          }}
        />
      )}
    </Page>
  );
}
