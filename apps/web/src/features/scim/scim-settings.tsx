import { Code, Fieldset, Stack, Text } from '@mantine/core';
import type { ScimToken } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { CreateByNameForm, ShownOnce, useRevokeFlow } from '../../components/bearer-secrets';
import { CopyField } from '../../components/copy-field';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { EmptyState, QueryState, SuccessNote } from '../../components/states';
import { useCreateScimToken, useRevokeScimToken, useScimSettings } from './scim-api';
import { revocableColumns } from '../../components/revocable-columns';

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
  const flow = useRevokeFlow<ScimToken>('scim', revoke, create);

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
              <CreateByNameForm
                ns="scim"
                create={create}
                maxLength={80}
                minWidth={240}
                onSubmit={flow.clearNote}
              />
              {create.data && (
                <ShownOnce
                  title={t('scim.createdTitle', { name: create.data.name })}
                  warning={t('scim.showOnce')}
                  label={t('scim.token')}
                  value={create.data.token}
                  copyLabel={t('scim.copy')}
                />
              )}
              <SuccessNote>{flow.note}</SuccessNote>
              {data.tokens.length === 0 ? (
                <EmptyState>{t('scim.empty')}</EmptyState>
              ) : (
                <TokenTable tokens={data.tokens} onRevoke={flow.startRevoke} />
              )}
            </Stack>
          )}
        </QueryState>
      </Stack>
      {flow.dialog}
    </Fieldset>
  );
}
