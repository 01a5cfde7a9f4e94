import { Anchor, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { useCan } from '../auth/session';
import { heatmap } from './heatmap-model';
import { HeatmapTable } from './heatmap-table';
import { GAP_ICON } from './insight-ui';
import { useKpis, useTeamsIf } from './insights-api';
import { InsightsNav } from './insights-nav';
import { PeriodPicker } from './period-picker';
import { TeamFilter } from './team-filter';
import { useInsightsParams } from './use-insights-params';

/** /insights/gap: outside-in gap per team and value; `teamId` in the URL shows that team's sub-teams. */
export function GapPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { kind, at, atQuery, get, periodSearch } = useInsightsParams();
  const teamId = get('teamId') ?? undefined;
  const teams = useTeamsIf(can('teams.read')).data;
  const groups = useKpis({ ...atQuery, breakdown: 'team', teamId });
  const total = useKpis({ ...atQuery, breakdown: 'organisation', teamId });
  const parentName = teamId ? teams?.find((tm) => tm.id === teamId)?.name : undefined;
  return (
    <Page title={t('insights.gap.title')} intro={t('insights.gap.intro')}>
      <Stack gap="md">
        <InsightsNav />
        <SimpleGrid cols={{ base: 1, sm: 2 }} className="no-print">
          <PeriodPicker />
          <TeamFilter
            teams={teams}
            label={t('insights.gap.parent')}
            placeholder={t('insights.gap.allTeams')}
          />
        </SimpleGrid>
        <List size="sm" spacing={2} aria-label={t('insights.gap.legendLabel')} className="heatmap-legend">
          {(['blind_spot', 'aligned', 'hidden_strength'] as const).map((label) => (
            <List.Item key={label} className={`tone-${label}`}>
              <span aria-hidden>{GAP_ICON[label]} </span>
              <strong>{t(`insights.gapLabels.${label}`)}</strong>: {t(`insights.gap.explain.${label}`)}
            </List.Item>
          ))}
          <List.Item className="tone-too_few">{t('insights.gap.explainTooFew')}</List.Item>
        </List>
        <QueryState query={groups}>
          {(report) =>
            report.values.length === 0 ? (
              <EmptyState>{t('insights.noValues')}</EmptyState>
            ) : (
              <HeatmapTable
                map={heatmap(report.rows, report.values, at, 'gap', total.data?.rows ?? [])}
                leadRows={total.data?.rows.some((r) => r.period === at) ? 1 : 0}
                title={t('insights.gap.tableName')}
                groupHeader={t('insights.table.team')}
                metricLabel={t('insights.table.gap')}
                csvName={[t('insights.gap.csv'), parentName ?? '', at]}
                minimum={report.minimum}
                rowLink={(g) => {
                  if (g.kind !== 'team' || !g.id || g.id === teamId || !teams) return null;
                  const hasSubTeams = teams.some((tm) => tm.parentId === g.id);
                  return hasSubTeams
                    ? `/insights/gap?${new URLSearchParams({ period: kind, at, teamId: g.id })}`
                    : `/insights/teams/${g.id}${periodSearch}`;
                }}
              />
            )
          }
        </QueryState>
        <Text size="sm">
          {teamId ? (
            <Anchor component={Link} to={`/insights/teams/${teamId}${periodSearch}`}>
              {t('insights.gap.toTeam', { team: parentName ?? t('insights.team.title') })}
            </Anchor>
          ) : null}
        </Text>
      </Stack>
    </Page>
  );
}
