import { Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { Page } from '../../components/page';
import { EmptyState, ErrorState, Loading, QueryState } from '../../components/states';
import { useCan, useMe } from '../auth/session';
import { behaviourStacks, weakestBehaviours } from './behaviour-model';
import { CycleParticipation } from './cycle-participation';
import { heatmap } from './heatmap-model';
import { HeatmapTable } from './heatmap-table';
import { useBehaviours, useKpis, useTeamsIf } from './insights-api';
import { InsightsNav } from './insights-nav';
import { valueName } from './kpi-model';
import { PeriodGate } from './period-gate';
import { PeriodPicker } from './period-picker';
import { PeriodScopeNote } from './period-scope-note';
import { useTeamPeriods } from './team-api';
import { TeamActionsCard, TeamCommentsCard } from './team-feedback';
import { landingTeamId, teamOptions, teamPeriodAt } from './team-model';
import { TeamSiblingsCard } from './team-siblings';
import { TeamReadings, TeamTrend, TeamValueTiles } from './team-values';
import { useInsightsParams } from './use-insights-params';
import { BehaviourStacksCard } from './value-charts';

/** The team's sections once its period is settled. */
function TeamSections({ id, teamName }: { id: string; teamName: string }) {
  const { t, i18n } = useTranslation();
  const { kind, at, atQuery, rangeQuery } = useInsightsParams();
  const team = useKpis({ ...rangeQuery, breakdown: 'organisation', teamId: id });
  const organisation = useKpis({ ...atQuery, breakdown: 'organisation' });
  // A wave has no behaviours and a round no touchpoints: those are not asked for.
  const behaviours = useBehaviours({ ...atQuery, teamId: id }, kind !== 'wave');
  const touchpoints = useKpis({ ...atQuery, breakdown: 'touchpoint', teamId: id }, kind !== 'round');
  const nameOf = (key: string) => {
    const v = organisation.data?.values.find((x) => x.key === key);
    return v ? valueName(v, i18n.language) : key;
  };
  return (
    <>
      <PeriodScopeNote />
      <QueryState query={team}>
        {(teamReport) => (
          <>
            <TeamValueTiles report={teamReport} at={at} />
            <TeamReadings
              report={teamReport}
              at={at}
              touchpoints={touchpoints.data}
              behaviours={behaviours.data}
            />
            <TeamTrend report={teamReport} teamId={id} teamName={teamName} />
          </>
        )}
      </QueryState>
      <QueryState query={organisation}>
        {(orgReport) => <TeamSiblingsCard teamId={id} teamName={teamName} organisation={orgReport} />}
      </QueryState>
      <CycleParticipation teamId={id} />
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
      <TeamCommentsCard teamId={id} />
      <TeamActionsCard teamId={id} />
      {team.data && (
        <Text size="xs" c="dimmed">
          {t('insights.overview.footnote', { minimum: team.data.minimum })}
        </Text>
      )}
    </>
  );
}

/**
 * Only the periods the team took part in: the picker offers those, and a period in the URL the team
 * was not in (or none) moves to the newest complete one it was in, so the view never opens empty.
 */
function TeamPeriodGate({ id, children }: { id: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  const { kind, get, update } = useInsightsParams();
  const periods = useTeamPeriods(id, kind);
  const raw = get('at');
  const wanted = periods.data ? teamPeriodAt(periods.data, kind, raw) : null;
  useEffect(() => {
    if (wanted && wanted !== raw) update({ at: wanted });
  }, [wanted, raw, update]);
  if (periods.isPending) return <Loading />;
  if (periods.isError) return <ErrorState error={periods.error} onRetry={() => void periods.refetch()} />;
  if (!wanted) return <EmptyState>{t('insights.teamView.noPeriods')}</EmptyState>;
  if (wanted !== raw) return <Loading />;
  return children;
}

/** /insights/teams/:id: the team view a team leader uses (issue 17 item 5). */
export function TeamPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const { kind } = useInsightsParams();
  const teamList = useTeamsIf(can('teams.read')).data;
  const teamName = teamList?.find((tm) => tm.id === id)?.name ?? t('insights.team.title');
  const periods = useTeamPeriods(id, kind);
  return (
    <Page title={t('insights.team.heading', { team: teamName })} intro={t('insights.teamView.intro')}>
      <Stack gap="md">
        <InsightsNav />
        <SimpleGrid cols={{ base: 1, sm: 2 }} className="no-print">
          <PeriodPicker available={periods.data?.map((p) => p.key)} />
          {teamList && teamList.length > 1 && (
            <Select
              label={t('insights.team.pick')}
              data={teamOptions(teamList)}
              value={id}
              allowDeselect={false}
              searchable
              // Another team took part in other periods: its own view picks its period.
              onChange={(next) => next && navigate(`/insights/teams/${next}?period=${kind}`)}
            />
          )}
        </SimpleGrid>
        <TeamPeriodGate id={id}>
          <PeriodGate>
            <TeamSections id={id} teamName={teamName} />
          </PeriodGate>
        </TeamPeriodGate>
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
