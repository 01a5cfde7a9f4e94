import { Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { KpiReport } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Page } from '../../components/page';
import { Loading, QueryState } from '../../components/states';
import { useCan, useMe } from '../auth/session';
import { behaviourStacks, weakestBehaviours } from './behaviour-model';
import { ChartCard } from './chart-card';
import { heatmap } from './heatmap-model';
import { HeatmapTable } from './heatmap-table';
import { useBehaviours, useKpis, useTeamsIf } from './insights-api';
import { InsightsNav } from './insights-nav';
import { participationAt, valueName } from './kpi-model';
import { PeriodGate } from './period-gate';
import { PeriodPicker } from './period-picker';
import { PeriodScopeNote } from './period-scope-note';
import { formatNumber } from './table-model';
import { comparisonTable } from './tables';
import {
  comparisonBars,
  type ComparisonMetric,
  landingTeamId,
  teamComparison,
  teamOptions,
} from './team-model';
import { useInsightsParams } from './use-insights-params';
import { BLUE, GRADE_TICKS, GRID_STROKE, legendText, numberOrDash } from './chart-style';
import { BehaviourStacksCard } from './value-charts';

/** The target of a value as a dark diamond over its bars. */
function TargetDiamond({ cx, cy, index }: { cx?: number; cy?: number; index?: number }) {
  if (cx === undefined || cy === undefined) return <g key={index} />;
  return (
    <path
      key={index}
      d={`M${cx},${cy - 8} L${cx + 8},${cy} L${cx},${cy + 8} L${cx - 8},${cy} Z`}
      fill="#1a1b1e"
      stroke="#fff"
    />
  );
}

function Comparison({
  team,
  organisation,
  at,
  metric,
  csvName,
}: {
  team: KpiReport;
  organisation: KpiReport;
  at: string;
  metric: ComparisonMetric;
  csvName: string[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows = teamComparison(team, organisation, at);
  const isSelf = metric === 'self';
  const share = (r: KpiReport) => participationAt(r, at)?.rate ?? null;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {[
          { key: 'team', report: team, label: t('insights.team.participationTeam') },
          { key: 'org', report: organisation, label: t('insights.team.participationOrg') },
        ].map((p) => {
          const row = participationAt(p.report, at);
          const rate = share(p.report);
          return (
            <Paper key={p.key} withBorder p="md" radius="md">
              <Text size="sm" c="dimmed">
                {p.label}
              </Text>
              <Text fw={700} fz={24}>
                {rate === null ? '–' : formatNumber(rate, 'share', lang)}
              </Text>
              {row && (
                <Text size="sm">
                  {t('insights.overview.participationParts', {
                    completed: row.completed,
                    invited: row.invited,
                  })}
                </Text>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
      <ChartCard
        title={t('insights.team.comparisonTitle')}
        intro={t(isSelf ? 'insights.team.comparisonIntroSelf' : 'insights.team.comparisonIntro')}
        label={t('insights.team.comparisonLabel')}
        table={comparisonTable(rows, t, lang)}
        csvName={csvName}
        minimum={team.minimum}
      >
        <ResponsiveContainer width="100%" height={300}>
          <ComposedChart
            data={comparisonBars(rows, (v) => valueName(v, lang), metric)}
            margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={GRID_STROKE} vertical={false} />
            <XAxis dataKey="name" />
            <YAxis domain={isSelf ? [1, 4] : [1, 10]} ticks={isSelf ? [1, 2, 3, 4] : GRADE_TICKS} />
            <Tooltip formatter={numberOrDash(isSelf ? 'self' : 'grade', lang)} />
            <Legend formatter={legendText} />
            <Bar
              dataKey="team"
              name={t(isSelf ? 'insights.team.teamSelf' : 'insights.team.teamGrade')}
              fill={BLUE}
              isAnimationActive={false}
            />
            <Bar
              dataKey="organisation"
              name={t(isSelf ? 'insights.team.orgSelf' : 'insights.team.orgGrade')}
              fill="#a5d8ff"
              stroke={BLUE}
              isAnimationActive={false}
            />
            {!isSelf && (
              <Line
                dataKey="target"
                name={t('insights.table.target')}
                stroke="#1a1b1e"
                strokeWidth={0}
                dot={TargetDiamond}
                activeDot={false}
                legendType="diamond"
                isAnimationActive={false}
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </ChartCard>
    </Stack>
  );
}

/** /insights/teams/:id: the team against the organisation, weakest behaviours, and its touchpoints. */
export function TeamPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const { kind, at, atQuery, rangeQuery, periodSearch } = useInsightsParams();
  const teamList = useTeamsIf(can('teams.read')).data;
  const teamName = teamList?.find((tm) => tm.id === id)?.name ?? t('insights.team.title');
  const team = useKpis({ ...rangeQuery, breakdown: 'organisation', teamId: id });
  const organisation = useKpis({ ...rangeQuery, breakdown: 'organisation' });
  // A wave has no behaviours and a round no touchpoints: those are not asked for.
  const behaviours = useBehaviours({ ...atQuery, teamId: id }, kind !== 'wave');
  const touchpoints = useKpis({ ...atQuery, breakdown: 'touchpoint', teamId: id }, kind !== 'round');
  const nameOf = (key: string) => {
    const v = organisation.data?.values.find((x) => x.key === key);
    return v ? valueName(v, i18n.language) : key;
  };
  return (
    <Page title={t('insights.team.heading', { team: teamName })} intro={t('insights.team.intro')}>
      <Stack gap="md">
        <InsightsNav />
        <SimpleGrid cols={{ base: 1, sm: 2 }} className="no-print">
          <PeriodPicker />
          {teamList && teamList.length > 1 && (
            <Select
              label={t('insights.team.pick')}
              data={teamOptions(teamList)}
              value={id}
              allowDeselect={false}
              searchable
              onChange={(next) => next && navigate(`/insights/teams/${next}${periodSearch}`)}
            />
          )}
        </SimpleGrid>
        <PeriodGate>
          <PeriodScopeNote />
          <QueryState query={team}>
            {(teamReport) => (
              <QueryState query={organisation}>
                {(orgReport) => (
                  <Comparison
                    team={teamReport}
                    organisation={orgReport}
                    at={at}
                    metric={kind === 'round' ? 'self' : 'grade'}
                    csvName={[teamName, at]}
                  />
                )}
              </QueryState>
            )}
          </QueryState>
          {kind !== 'wave' && (
            <QueryState query={behaviours}>
              {(report) => (
                <BehaviourStacksCard
                  title={t('insights.team.weakest')}
                  stacks={weakestBehaviours(report, at)}
                  emptyText={
                    behaviourStacks(report, at).length > 0 ? t('insights.team.weakestTooFew') : undefined
                  }
                  minimum={report.minimum}
                  csvName={[teamName, 'weakest', at]}
                  valueNameOf={nameOf}
                />
              )}
            </QueryState>
          )}
          {kind !== 'round' && (
            <QueryState query={touchpoints}>
              {(report) => (
                <HeatmapTable
                  map={heatmap(report.rows, report.values, at, 'customer')}
                  title={t('insights.team.touchpoints')}
                  intro={t('insights.team.touchpointsIntro')}
                  groupHeader={t('insights.heart.touchpoint')}
                  metricLabel={t('insights.table.grade')}
                  csvName={[teamName, 'touchpoints', at]}
                />
              )}
            </QueryState>
          )}
        </PeriodGate>
        {team.data && (
          <Text size="xs" c="dimmed">
            {t('insights.overview.footnote', { minimum: team.data.minimum })}
          </Text>
        )}
      </Stack>
    </Page>
  );
}

/** /insights/my-team: a manager's dashboard opens on the top team it manages. */
export function MyTeamRedirect() {
  const me = useMe().data;
  const can = useCan();
  const teams = useTeamsIf(can('teams.read'));
  const { search } = useInsightsParams();
  if (teams.isLoading) return <Loading />;
  const id = landingTeamId(me?.managedTeamIds ?? [], teams.data);
  return <Navigate to={id ? `/insights/teams/${id}${search}` : `/insights${search}`} replace />;
}
