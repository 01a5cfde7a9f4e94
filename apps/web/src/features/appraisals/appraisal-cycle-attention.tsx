import { Anchor, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { AppraisalCycleRow } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/status-badge';
import { ErrorState, QueryState } from '../../components/states';
import { usePeople } from '../people/people-api';
import { useCycleAppraisals, useReassign } from './appraisals-api';

type AttentionFilter = 'all' | 'reviewer' | 'team';

/** Gives one flagged appraisal another reviewer: the suggestion first, else anyone who may review. */
function ReassignRow({ row }: { row: AppraisalCycleRow }) {
  const { t } = useTranslation();
  const reassign = useReassign();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const people = usePeople({ q: q || undefined, status: 'active', offset: 0, limit: 50 });
  const [reviewerId, setReviewerId] = useState<string | null>(row.suggestedReviewer?.id ?? null);
  // The chosen person stays an option while the search (its label) finds nobody else.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = new Map<string, string>();
  if (chosen) options.set(chosen.value, chosen.label);
  if (row.suggestedReviewer)
    options.set(
      row.suggestedReviewer.id,
      t('appraisals.cycles.suggested', { name: row.suggestedReviewer.name }),
    );
  for (const p of people.data?.items ?? [])
    if (p.role !== 'employee' && p.id !== row.employeeId && !options.has(p.id))
      options.set(p.id, `${p.name} (${p.email})`);
  const issue = row.reviewerIssue;
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/appraisals/${row.id}`} fw={700} size="sm">
            {row.employeeName}
          </Anchor>
          {issue && <StatusBadge color="red">{t(`appraisals.cycles.issue.${issue}`)}</StatusBadge>}
          {row.teamChanged && (
            <StatusBadge color="orange">{t('appraisals.cycles.teamChangedBadge')}</StatusBadge>
          )}
        </Group>
        <Text size="sm">
          {t('appraisals.reviewer')}: {row.reviewerName ?? t('appraisals.noReviewer')} ·{' '}
          {t(`appraisals.stage.${row.stage}`)}
          {row.teamChanged &&
            ` · ${t('appraisals.cycles.teamMove', {
              from: row.teamName ?? t('appraisals.cycles.noTeam'),
              to: row.currentTeamName ?? t('appraisals.cycles.noTeam'),
            })}`}
        </Text>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            label={t('appraisals.cycles.newReviewer', { name: row.employeeName })}
            data={[...options].map(([value, label]) => ({ value, label }))}
            value={reviewerId}
            onChange={(value, option) => {
              setReviewerId(value);
              setChosen(value ? { value, label: option.label } : null);
            }}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={people.isFetching ? '…' : t('appraisals.cycles.noReviewers')}
            w={{ base: '100%', sm: 320 }}
          />
          <Button
            variant="default"
            disabled={!reviewerId || reviewerId === row.reviewerId}
            loading={reassign.isPending}
            onClick={() => reviewerId && reassign.mutate({ id: row.id, reviewerId })}
          >
            {t('appraisals.cycles.reassign')}
          </Button>
        </Group>
        {reassign.isError && <ErrorState error={reassign.error} />}
      </Stack>
    </Paper>
  );
}

/**
 * Appraisals not signed yet whose reviewer cannot review (none, left or deactivated, no longer a
 * reviewer) or whose employee changed team since opening: HR reassigns here.
 */
export function NeedsAttention({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const query = useCycleAppraisals(cycleId);
  const [filter, setFilter] = useState<AttentionFilter>('all');
  return (
    <QueryState query={query}>
      {(rows) => {
        const open = rows.filter((r) => r.stage !== 'signed' && r.stage !== 'closed');
        // A move counts until the reviewer is the one today's team tree suggests (or HR chose another).
        const moved = (r: AppraisalCycleRow) =>
          r.teamChanged && (r.suggestedReviewer === null || r.suggestedReviewer.id !== r.reviewerId);
        const flagged = open.filter((r) => r.reviewerIssue !== null || moved(r));
        const shown = flagged.filter((r) =>
          filter === 'reviewer' ? r.reviewerIssue !== null : filter === 'team' ? moved(r) : true,
        );
        return (
          <Stack gap="xs" component="section" aria-labelledby={`attention-${cycleId}`}>
            <Title order={3} size="h5" id={`attention-${cycleId}`}>
              {t('appraisals.cycles.attention', { count: flagged.length })}
            </Title>
            {flagged.length === 0 ? (
              <Text size="sm">{t('appraisals.cycles.attentionNone')}</Text>
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  {t('appraisals.cycles.attentionIntro')}
                </Text>
                <SegmentedControl
                  aria-label={t('appraisals.cycles.attentionFilter')}
                  value={filter}
                  onChange={(v) => setFilter(v as AttentionFilter)}
                  data={[
                    { value: 'all', label: t('appraisals.cycles.filterAll') },
                    { value: 'reviewer', label: t('appraisals.cycles.filterReviewer') },
                    { value: 'team', label: t('appraisals.cycles.filterTeam') },
                  ]}
                  fullWidth
                  style={{ maxWidth: 560 }}
                />
                {shown.length === 0 ? (
                  <Text size="sm">{t('appraisals.cycles.attentionNoneFiltered')}</Text>
                ) : (
                  <Stack gap="xs" component="ul" p={0} m={0}>
                    {shown.map((r) => (
                      <ReassignRow key={`${r.id}-${r.reviewerId ?? ''}`} row={r} />
                    ))}
                  </Stack>
                )}
              </>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
