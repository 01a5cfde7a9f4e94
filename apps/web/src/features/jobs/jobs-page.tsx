import { Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { JOB_STATES } from '@wk/contracts';
import type { JobState, OrganisationJobs } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { Page } from '../../components/page';
import { StatusBadge } from '../../components/status-badge';
import { EmptyState, QueryState } from '../../components/states';

const COLOURS: Record<JobState, string> = {
  active: 'blue',
  waiting: 'gray',
  delayed: 'yellow',
  failed: 'red',
  completed: 'teal',
};

/** An admin's read-only view of its own organisation's background work: schedules and recent jobs. */
export function JobsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as JobState | null) ?? undefined;
  const jobs = useQuery({
    queryKey: ['jobs', state],
    queryFn: ({ signal }) => api<OrganisationJobs>('/jobs', { query: { state }, signal }),
    refetchInterval: 10_000,
  });

  return (
    <Page title={t('jobs.title')} intro={t('jobs.intro')}>
      <QueryState query={jobs}>
        {(data) => (
          <Stack gap="lg">
            <Stack gap="xs">
              <Title order={2} size="h3">
                {t('jobs.schedules')}
              </Title>
              {data.schedules.length === 0 ? (
                <EmptyState>{t('jobs.noSchedules')}</EmptyState>
              ) : (
                <ListTable
                  label={t('jobs.schedules')}
                  minWidth={480}
                  rows={data.schedules}
                  rowKey={(s) => s.id}
                  columns={[
                    { key: 'kind', header: t('jobs.kind'), cell: (s) => t(`jobs.kinds.${s.kind}`) },
                    { key: 'label', header: t('jobs.name'), cell: (s) => s.label },
                    {
                      key: 'next',
                      header: t('jobs.nextRun'),
                      cell: (s) => (s.nextRunAt ? formatDateTime(s.nextRunAt) : '—'),
                    },
                  ]}
                />
              )}
            </Stack>
            <Stack gap="xs">
              <Title order={2} size="h3">
                {t('jobs.recent')}
              </Title>
              <Select
                label={t('jobs.filterState')}
                placeholder={t('common.all')}
                data={JOB_STATES.map((s) => ({ value: s, label: t(`jobs.states.${s}`) }))}
                value={state ?? null}
                clearable
                onChange={(v) => setParams(v ? { state: v } : {}, { replace: true })}
                w={{ base: '100%', sm: 220 }}
              />
              {data.jobs.length === 0 ? (
                <EmptyState>{t('jobs.empty')}</EmptyState>
              ) : (
                <ListTable
                  label={t('jobs.recent')}
                  minWidth={720}
                  rows={data.jobs}
                  rowKey={(j) => `${j.queue}:${j.id}`}
                  columns={[
                    { key: 'created', header: t('jobs.created'), cell: (j) => formatDateTime(j.createdAt) },
                    {
                      key: 'what',
                      header: t('jobs.what'),
                      cell: (j) => t(`jobs.names.${j.name}`, { defaultValue: j.name }),
                    },
                    {
                      key: 'subject',
                      header: t('jobs.subject'),
                      cell: (j) =>
                        j.subject.label ||
                        t(`jobs.subjects.${j.subject.kind}`, { defaultValue: j.subject.kind }),
                    },
                    {
                      key: 'state',
                      header: t('jobs.state'),
                      cell: (j) => (
                        <Stack gap={2}>
                          <StatusBadge color={COLOURS[j.state]}>{t(`jobs.states.${j.state}`)}</StatusBadge>
                          {j.failedReason && (
                            <Text size="xs" c="red.9">
                              {j.failedReason}
                            </Text>
                          )}
                        </Stack>
                      ),
                    },
                    { key: 'attempts', header: t('jobs.attempts'), cell: (j) => j.attempts },
                  ]}
                />
              )}
            </Stack>
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
