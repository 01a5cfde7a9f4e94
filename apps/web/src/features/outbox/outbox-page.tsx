import { Anchor, Button, Code, Group, Pagination, Select, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OutboxMessage, OutboxStatus, Page as PageOf } from '@wk/contracts';
import { OUTBOX_STATUSES } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/dialog';
import { StatusBadge } from '../../components/status-badge';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, Loading } from '../../components/states';

const PAGE_SIZE = 25;
const COLOURS: Record<OutboxStatus, string> = {
  pending: 'blue',
  held: 'yellow',
  sent: 'teal',
  failed: 'red',
};

/** Admins read what was sent or is held back, e.g. invitation links in a demo without SMTP. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const messages = useQuery({
    queryKey: ['outbox', status, page],
    queryFn: ({ signal }) =>
      api<PageOf<OutboxMessage>>('/outbox', {
        query: { status, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const pages = messages.data ? Math.max(1, Math.ceil(messages.data.total / PAGE_SIZE)) : 1;

  return (
    <Page
      title={t('outbox.title')}
      intro={t('outbox.intro')}
      actions={
        <Anchor component={Link} to="/jobs">
          {t('outbox.jobs')}
        </Anchor>
      }
    >
      <Select
        label={t('outbox.filterStatus')}
        placeholder={t('common.all')}
        data={OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))}
        value={status ?? null}
        clearable
        onChange={(v) => setParams(v ? { status: v } : {}, { replace: true })}
        w={{ base: '100%', sm: 220 }}
      />
      {messages.isPending ? (
        <Loading />
      ) : messages.isError ? (
        <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
      ) : messages.data.items.length === 0 ? (
        <EmptyState>{t('outbox.empty')}</EmptyState>
      ) : (
        <>
          <ListTable
            label={t('outbox.title')}
            minWidth={640}
            rows={messages.data.items}
            rowKey={(m) => m.id}
            columns={[
              { key: 'created', header: t('outbox.created'), cell: (m) => formatDateTime(m.createdAt) },
              { key: 'to', header: t('outbox.to'), cell: (m) => m.to },
              {
                key: 'subject',
                header: t('outbox.subject'),
                cell: (m) => (
                  <Button variant="subtle" size="compact-sm" onClick={() => setOpen(m)}>
                    {m.subject}
                  </Button>
                ),
              },
              {
                key: 'status',
                header: t('outbox.status'),
                cell: (m) => (
                  <StatusBadge color={COLOURS[m.status]}>{t(`outbox.statuses.${m.status}`)}</StatusBadge>
                ),
              },
              { key: 'attempts', header: t('outbox.attempts'), cell: (m) => m.attempts },
            ]}
          />
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={(p) => setParams((prev) => ({ ...Object.fromEntries(prev), page: String(p) }))}
            />
          )}
        </>
      )}
      {open && (
        <Dialog onClose={() => setOpen(null)} title={open.subject} size="lg">
          <Stack gap="xs">
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('outbox.to')}:
              </Text>
              <Text size="sm">{open.to}</Text>
            </Group>
            {open.lastError && (
              <Text size="sm" c="red.9">
                {t('outbox.lastError')}: {open.lastError}
              </Text>
            )}
            <Code block tabIndex={0}>
              {open.text}
            </Code>
          </Stack>
        </Dialog>
      )}
    </Page>
  );
}
