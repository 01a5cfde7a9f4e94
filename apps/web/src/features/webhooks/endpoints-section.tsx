import { Button, Group, Switch, Text, Title } from '@mantine/core';
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/list-table';
import { EmptyState, ErrorState, QueryState } from '../../components/states';
import { useRotateSecret, useSendTest, useUpdateEndpoint, useWebhookEndpoints } from './webhooks-api';
import { DangerButton } from '../../components/danger-button';

/** The endpoints with their switch, log, test, rotate and delete; an action's error shows above. */
export function EndpointsSection({
  setSelected,
  setShown,
  setNote,
  onDelete,
}: {
  setSelected: (endpoint: WebhookEndpoint) => void;
  setShown: (endpoint: WebhookEndpointWithSecret) => void;
  setNote: (note: string) => void;
  onDelete: (endpoint: WebhookEndpoint) => void;
}) {
  const { t } = useTranslation();
  const endpoints = useWebhookEndpoints();
  const update = useUpdateEndpoint();
  const rotate = useRotateSecret();
  const test = useSendTest();
  const actionError = update.error ?? rotate.error ?? test.error;
  return (
    <>
      {actionError && <ErrorState error={actionError} />}
      <section aria-labelledby="endpoints-title">
        <Title order={2} size="h4" id="endpoints-title" mb="sm">
          {t('webhooks.list')}
        </Title>
        <QueryState query={endpoints}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState>{t('webhooks.empty')}</EmptyState>
            ) : (
              <ListTable<WebhookEndpoint>
                labelledBy="endpoints-title"
                minWidth={900}
                rows={list}
                rowKey={(e) => e.id}
                columns={[
                  {
                    key: 'url',
                    header: t('webhooks.url'),
                    cellProps: { style: { wordBreak: 'break-all' } },
                    cell: (e) => (
                      <>
                        <Text size="sm" fw={600}>
                          {e.url}
                        </Text>
                        {e.description && (
                          <Text size="xs" c="dimmed">
                            {e.description}
                          </Text>
                        )}
                      </>
                    ),
                  },
                  { key: 'events', header: t('webhooks.events'), cell: (e) => e.events.join(', ') },
                  {
                    key: 'recent',
                    header: t('webhooks.recent'),
                    cell: (e) => t('webhooks.recentCounts', e.recent),
                  },
                  {
                    key: 'enabled',
                    header: t('webhooks.enabled'),
                    cell: (e) => (
                      <Switch
                        checked={e.enabled}
                        aria-label={t('webhooks.enabledLabel', { url: e.url })}
                        onChange={(ev) => update.mutate({ id: e.id, enabled: ev.currentTarget.checked })}
                      />
                    ),
                  },
                  {
                    key: 'actions',
                    header: <span className="sr-only">{t('webhooks.actions')}</span>,
                    cell: (e) => (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={t('webhooks.logLabel', { url: e.url })}
                          onClick={() => setSelected(e)}
                        >
                          {t('webhooks.log')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={t('webhooks.testLabel', { url: e.url })}
                          loading={test.isPending && test.variables === e.id}
                          onClick={() =>
                            test.mutate(e.id, {
                              onSuccess: () => {
                                setNote(t('webhooks.testSent', { url: e.url }));
                                setSelected(e);
                              },
                            })
                          }
                        >
                          {t('webhooks.test')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={t('webhooks.rotateLabel', { url: e.url })}
                          loading={rotate.isPending && rotate.variables === e.id}
                          onClick={() => rotate.mutate(e.id, { onSuccess: (rotated) => setShown(rotated) })}
                        >
                          {t('webhooks.rotate')}
                        </Button>
                        <DangerButton
                          aria-label={t('webhooks.deleteLabel', { url: e.url })}
                          onClick={() => onDelete(e)}
                        >
                          {t('webhooks.delete')}
                        </DangerButton>
                      </Group>
                    ),
                  },
                ]}
              />
            )
          }
        </QueryState>
      </section>
    </>
  );
}
