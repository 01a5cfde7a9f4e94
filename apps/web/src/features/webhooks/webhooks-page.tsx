import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS } from '@wk/contracts';
import type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventType,
} from '@wk/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CopyField } from '../../components/copy-field';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, QueryState, SuccessNote } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import {
  useCreateEndpoint,
  useDeleteEndpoint,
  useRedeliver,
  useRotateSecret,
  useSendTest,
  useUpdateEndpoint,
  useWebhookDeliveries,
  useWebhookEndpoints,
} from './webhooks-api';

const STATUS_COLOR: Record<WebhookDeliveryStatus, string> = {
  pending: 'yellow',
  delivered: 'teal',
  failed: 'red',
};

/** The secret, shown this once (after creation or rotation) with a copy button. */
function ShownSecret({ endpoint }: { endpoint: WebhookEndpointWithSecret }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" role="status">
      <Stack gap="sm">
        <Text fw={700} c="gray.9">
          {t('webhooks.secretTitle', { url: endpoint.url })}
        </Text>
        <Text size="sm" c="gray.9">
          {t('webhooks.showOnce')}
        </Text>
        <CopyField label={t('webhooks.secret')} value={endpoint.secret} copyLabel={t('webhooks.copy')} />
      </Stack>
    </Alert>
  );
}

function EventChoice({
  value,
  onChange,
  error,
}: {
  value: WebhookEventType[];
  onChange: (value: WebhookEventType[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t('webhooks.events')}
      description={t('webhooks.eventsHint')}
      required
      value={value}
      onChange={(v) => onChange(v as WebhookEventType[])}
      error={error}
    >
      <Stack gap={6} mt="xs">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <Checkbox
            key={type}
            value={type}
            label={
              <>
                <Code>{type}</Code> {t(`webhooks.eventNames.${type.replace('.', '_')}`)}
                {!WEBHOOK_EVENTS[type].available && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({t('webhooks.reserved')})
                  </Text>
                )}
              </>
            }
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
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

/** Admin: outgoing webhooks. A secret is shown once; deliveries are signed (Standard Webhooks). */
export function WebhooksPage() {
  const { t } = useTranslation();
  const endpoints = useWebhookEndpoints();
  const create = useCreateEndpoint();
  const update = useUpdateEndpoint();
  const remove = useDeleteEndpoint();
  const rotate = useRotateSecret();
  const test = useSendTest();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [shown, setShown] = useState<WebhookEndpointWithSecret | null>(null);
  const [selected, setSelected] = useState<WebhookEndpoint | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const [note, setNote] = useState('');
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const actionError = update.error ?? rotate.error ?? test.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNote('');
    create.mutate(
      { url: url.trim(), description: description.trim(), events },
      {
        onSuccess: (created) => {
          setShown(created);
          setUrl('');
          setDescription('');
          setEvents([]);
        },
      },
    );
  };

  return (
    <Page title={t('webhooks.title')} intro={t('webhooks.intro')}>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate aria-labelledby="new-endpoint-title">
          <Stack>
            <Title order={2} size="h4" id="new-endpoint-title">
              {t('webhooks.new')}
            </Title>
            <TextInput
              label={t('webhooks.url')}
              description={t('webhooks.urlHint')}
              required
              type="url"
              maxLength={2000}
              value={url}
              error={errors['url']}
              onChange={(e) => setUrl(e.currentTarget.value)}
            />
            <TextInput
              label={t('webhooks.description')}
              maxLength={200}
              value={description}
              error={errors['description']}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <EventChoice value={events} onChange={setEvents} error={errors['events']} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('webhooks.create')}
              </Button>
            </Group>
            {create.isError && Object.keys(errors).length === 0 && <ErrorState error={create.error} />}
          </Stack>
        </form>
      </Paper>
      {shown && <ShownSecret endpoint={shown} />}
      <SuccessNote>{note}</SuccessNote>
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
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          aria-label={t('webhooks.deleteLabel', { url: e.url })}
                          onClick={() => {
                            remove.reset();
                            setDeleting(e);
                          }}
                        >
                          {t('webhooks.delete')}
                        </Button>
                      </Group>
                    ),
                  },
                ]}
              />
            )
          }
        </QueryState>
      </section>
      {selected && <DeliveryLog endpoint={selected} />}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="verify-title">
        <Title order={2} size="h4" id="verify-title" mb="xs">
          {t('webhooks.verifyTitle')}
        </Title>
        <Text size="sm">{t('webhooks.verifyText')}</Text>
      </Paper>
      {deleting && (
        <ConfirmDialog
          title={t('webhooks.deleteTitle')}
          message={t('webhooks.confirmDelete', { url: deleting.url })}
          confirmLabel={t('webhooks.delete')}
          loading={remove.isPending}
          error={remove.error ?? undefined}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                setNote(t('webhooks.deleted', { url: deleting.url }));
                if (selected?.id === deleting.id) setSelected(null);
                if (shown?.id === deleting.id) setShown(null);
                setDeleting(null);
              },
            })
          }
        />
      )}
    </Page>
  );
}
