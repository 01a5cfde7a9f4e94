import { Anchor, Badge, Group, Select, Stack, Text } from '@mantine/core';
import { ACTION_STATUSES, type ActionStatus, type ActionSummary } from '@wk/contracts';
import { localized } from '@wk/domain';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../components/format';
import { ListTable } from '../../components/list-table';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { StatusBadge } from '../../components/status-badge';
import { periodLabel } from '../insights/period-model';
import { useActions } from './actions-api';
import { isOverdue, STATUS_COLOR, teamsOf, todayIso } from './action-model';

const isStatus = (s: string | null): s is ActionStatus => ACTION_STATUSES.includes(s as ActionStatus);

/** The cell of an action in words: value · team, journey or touchpoint (or the organisation) · period. */
export function useCellText() {
  const { t, i18n } = useTranslation();
  return (a: Pick<ActionSummary, 'cell'>) =>
    [
      localized(a.cell.valueName, a.cell.valueNameEn, i18n.language),
      localized(a.cell.touchpointName, a.cell.touchpointNameEn, i18n.language) ??
        localized(a.cell.journeyName, a.cell.journeyNameEn, i18n.language) ??
        a.cell.teamName ??
        t('actions.organisation'),
      periodLabel(a.cell.period, i18n.language),
    ].join(' · ');
}

/** /actions: the actions the caller sees (the api scopes them), filtered by status and team. */
export function ActionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = isStatus(params.get('status')) ? (params.get('status') as ActionStatus) : undefined;
  const teamId = params.get('team') ?? undefined;
  const all = useActions();
  const list = useActions({ status, teamId });
  const cellText = useCellText();
  const today = todayIso();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Page title={t('actions.title')} intro={t('actions.intro')}>
      <Stack gap="md">
        <Group gap="sm" align="flex-end">
          <Select
            label={t('actions.status')}
            placeholder={t('actions.allStatuses')}
            clearable
            value={status ?? null}
            onChange={(v) => set('status', v)}
            data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actions.statuses.${s}`) }))}
            w={200}
          />
          <Select
            label={t('actions.team')}
            placeholder={t('actions.allTeams')}
            clearable
            searchable
            value={teamId ?? null}
            onChange={(v) => set('team', v)}
            data={teamsOf(all.data ?? [])}
            w={240}
          />
        </Group>
        <QueryState query={list}>
          {(rows) =>
            rows.length === 0 ? (
              <EmptyState>{status || teamId ? t('actions.emptyFiltered') : t('actions.empty')}</EmptyState>
            ) : (
              <ListTable
                rows={rows}
                rowKey={(a) => a.id}
                minWidth={760}
                label={t('actions.listLabel')}
                columns={[
                  {
                    key: 'what',
                    header: t('actions.what'),
                    cell: (a) => (
                      <Stack gap={0}>
                        <Anchor component={Link} to={`/actions/${a.id}`}>
                          {a.what}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {a.focusTitle}
                        </Text>
                      </Stack>
                    ),
                  },
                  { key: 'cell', header: t('actions.cell'), cell: (a) => cellText(a) },
                  { key: 'owner', header: t('actions.owner'), cell: (a) => a.owner.name },
                  {
                    key: 'due',
                    header: t('actions.dueDate'),
                    cell: (a) => (
                      <Group gap={4} wrap="nowrap">
                        {formatDate(`${a.dueDate}T12:00:00`)}
                        {isOverdue(a, today) && (
                          <Badge color="red" variant="light" size="sm">
                            {t('actions.overdue')}
                          </Badge>
                        )}
                      </Group>
                    ),
                  },
                  {
                    key: 'status',
                    header: t('actions.status'),
                    cell: (a) => (
                      <StatusBadge color={STATUS_COLOR[a.status]}>
                        {t(`actions.statuses.${a.status}`)}
                      </StatusBadge>
                    ),
                  },
                ]}
              />
            )
          }
        </QueryState>
      </Stack>
    </Page>
  );
}
