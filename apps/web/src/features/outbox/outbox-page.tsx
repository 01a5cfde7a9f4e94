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
import { formatDate, formatDateTime } from '../../components/format';
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

/** The round or wave a message belongs to, in words; null for other mail. */
function useBelongsTo() {
  const { t } = useTranslation();
  return (m: OutboxMessage): string | null =>
    m.round
      ? t('everyday.outboxContext.round', { cycle: m.round.cycleName, date: formatDate(m.round.opensAt) })
      : m.wave
        ? t('everyday.outboxContext.wave', { survey: m.wave.surveyName, date: formatDate(m.wave.opensAt) })
        : null;
}

/** Admins read what was sent or is held back, e.g. invitation links in a demo without SMTP. */
export function OutboxPage() {
  const { t } = useTranslation();
  const belongsTo = useBelongsTo();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const roundId = params.get('roundId') ?? undefined;
  const waveId = params.get('waveId') ?? undefined;
  /** Shows only one round's or wave's messages (a link in the list sets it; the status filter stays). */
  const filterBy = (m: OutboxMessage) =>
    setParams({
      ...(status ? { status } : {}),
      ...(m.round ? { roundId: m.round.id } : m.wave ? { waveId: m.wave.id } : {}),
    });
  const page = Number(params.get('page') ?? '1') || 1;
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const messages = useQuery({
    queryKey: ['outbox', status, roundId, waveId, page],
    queryFn: ({ signal }) =>
      api<PageOf<OutboxMessage>>('/outbox', {
        query: { status, roundId, waveId, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
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
        onChange={(v) =>
          setParams(
            {
              ...(v ? { status: v } : {}),
              ...(roundId ? { roundId } : {}),
              ...(waveId ? { waveId } : {}),
            },
            { replace: true },
          )
        }
        w={{ base: '100%', sm: 220 }}
      />
      {(roundId || waveId) && (
        <Group gap="sm">
          <Text size="sm">
            {messages.data?.items[0]?.round
              ? t('everyday.outboxContext.filteredRound', {
                  cycle: messages.data.items[0].round.cycleName,
                  date: formatDate(messages.data.items[0].round.opensAt),
                })
              : messages.data?.items[0]?.wave
                ? t('everyday.outboxContext.filteredWave', {
                    survey: messages.data.items[0].wave.surveyName,
                    date: formatDate(messages.data.items[0].wave.opensAt),
                  })
                : t('everyday.outboxContext.filtered')}
          </Text>
          <Button size="compact-sm" variant="default" onClick={() => setParams(status ? { status } : {})}>
            {t('everyday.outboxContext.clearFilter')}
          </Button>
        </Group>
      )}
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
              {
                key: 'belongsTo',
                header: t('everyday.outboxContext.belongsTo'),
                cell: (m) => {
                  const label = belongsTo(m);
                  if (!label) return '';
                  if (roundId || waveId) return label;
                  return (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      title={t('everyday.outboxContext.onlyThis')}
                      onClick={() => filterBy(m)}
                    >
                      {label}
                    </Anchor>
                  );
                },
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
            {belongsTo(open) && (
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {t('everyday.outboxContext.belongsTo')}:
                </Text>
                <Text size="sm">{belongsTo(open)}</Text>
              </Group>
            )}
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
