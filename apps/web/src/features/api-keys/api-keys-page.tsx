import { Alert, Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ApiKey, CreatedApiKey } from '@wk/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CopyField } from '../../components/copy-field';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, QueryState, SuccessNote } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { ApiKeyUsage } from './api-key-usage';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './api-keys-api';

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
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={t('apiKeys.list')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('apiKeys.name')}</Table.Th>
            <Table.Th scope="col">{t('apiKeys.prefix')}</Table.Th>
            <Table.Th scope="col">{t('apiKeys.createdAt')}</Table.Th>
            <Table.Th scope="col">{t('apiKeys.lastUsed')}</Table.Th>
            <Table.Th scope="col">{t('apiKeys.status')}</Table.Th>
            <Table.Th scope="col">
              <span className="sr-only">{t('apiKeys.revoke')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key.id}>
              <Table.Td fw={600}>{key.name}</Table.Td>
              <Table.Td>
                <Code>{key.prefix}…</Code>
              </Table.Td>
              <Table.Td>
                {formatDateTime(key.createdAt)}
                {key.createdByName && (
                  <Text size="xs" c="dimmed">
                    {t('apiKeys.createdBy')} {key.createdByName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('apiKeys.never')}</Table.Td>
              <Table.Td>
                {key.revokedAt ? (
                  <StatusBadge color="gray">
                    {t('apiKeys.revoked')} {formatDateTime(key.revokedAt)}
                  </StatusBadge>
                ) : (
                  <StatusBadge color="teal">{t('apiKeys.active')}</StatusBadge>
                )}
              </Table.Td>
              <Table.Td>
                {!key.revokedAt && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    c="red.9"
                    aria-label={t('apiKeys.revokeLabel', { name: key.name })}
                    onClick={() => onRevoke(key)}
                  >
                    {t('apiKeys.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
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
