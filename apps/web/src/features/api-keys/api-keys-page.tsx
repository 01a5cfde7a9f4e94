import { Code, Paper, Text, Title } from '@mantine/core';
import type { ApiKey } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { CreateByNameForm, ShownOnce, useRevokeFlow } from '../../components/bearer-secrets';
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
  const flow = useRevokeFlow<ApiKey>('apiKeys', revoke, create);

  return (
    <Page title={t('apiKeys.title')} intro={t('apiKeys.intro')}>
      <Paper withBorder p="md">
        <CreateByNameForm
          ns="apiKeys"
          create={create}
          maxLength={120}
          minWidth={260}
          onSubmit={flow.clearNote}
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
      <SuccessNote>{flow.note}</SuccessNote>
      <section aria-labelledby="keys-title">
        <Title order={2} size="h4" id="keys-title" mb="sm">
          {t('apiKeys.list')}
        </Title>
        <QueryState query={keys}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState>{t('apiKeys.empty')}</EmptyState>
            ) : (
              <KeyTable keys={list} onRevoke={flow.startRevoke} />
            )
          }
        </QueryState>
      </section>
      <ApiKeyUsage />
      {flow.dialog}
    </Page>
  );
}
