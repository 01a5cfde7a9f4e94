import { Button, Code, Title } from '@mantine/core';
import type { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { EmptyState, ErrorState, QueryState } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { useRedeliver, useWebhookDeliveries } from './webhooks-api';

const STATUS_COLOR: Record<WebhookDeliveryStatus, string> = {
  pending: 'yellow',
  delivered: 'teal',
  failed: 'red',
};

/** One endpoint's recent deliveries, each failed or delivered one can be sent again. */
export function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation();
  const deliveries = useWebhookDeliveries(endpoint.id);
  const redeliver = useRedeliver();
  return (
    <section aria-labelledby="deliveries-title">
      <Title order={2} size="h4" id="deliveries-title" mb="sm">
        {t('webhooks.logTitle', { url: endpoint.url })}
      </Title>
      {redeliver.isError && <ErrorState error={redeliver.error} />}
      <QueryState query={deliveries}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState>{t('webhooks.noDeliveries')}</EmptyState>
          ) : (
            <ListTable<WebhookDelivery>
              labelledBy="deliveries-title"
              minWidth={820}
              rows={page.items}
              rowKey={(d) => d.id}
              columns={[
                { key: 'at', header: t('webhooks.at'), cell: (d) => formatDateTime(d.createdAt) },
                { key: 'event', header: t('webhooks.event'), cell: (d) => <Code>{d.eventType}</Code> },
                {
                  key: 'status',
                  header: t('webhooks.status'),
                  cell: (d) => (
                    <StatusBadge color={STATUS_COLOR[d.status]}>
                      {t(`webhooks.statuses.${d.status}`)}
                    </StatusBadge>
                  ),
                },
                { key: 'attempts', header: t('webhooks.attempts'), numeric: true, cell: (d) => d.attempts },
                {
                  key: 'code',
                  header: t('webhooks.response'),
                  numeric: true,
                  cell: (d) => d.responseStatus ?? '–',
                },
                {
                  key: 'duration',
                  header: t('webhooks.duration'),
                  numeric: true,
                  cell: (d) => (d.durationMs === null ? '–' : `${d.durationMs} ms`),
                },
                {
                  key: 'error',
                  header: t('webhooks.lastError'),
                  cell: (d) => d.lastError ?? '',
                  cellProps: { style: { wordBreak: 'break-word' } },
                },
                {
                  key: 'redeliver',
                  header: <span className="sr-only">{t('webhooks.redeliver')}</span>,
                  cell: (d) =>
                    d.status !== 'pending' && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={t('webhooks.redeliverLabel', {
                          event: d.eventType,
                          at: formatDateTime(d.createdAt),
                        })}
                        loading={redeliver.isPending && redeliver.variables === d.id}
                        onClick={() => redeliver.mutate(d.id)}
                      >
                        {t('webhooks.redeliver')}
                      </Button>
                    ),
                },
              ]}
            />
          )
        }
      </QueryState>
    </section>
  );
}
