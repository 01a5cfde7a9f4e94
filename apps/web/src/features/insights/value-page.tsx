import { Anchor, Button, List, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ActionCell, KpiGroup, KpiValueInfo } from '@wk/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { useActions } from '../actions/actions-api';
import { trendMarkers } from '../actions/action-model';
import { ActionModalOnDemand } from './action-modal-on-demand';
import { periodLabel } from './period-model';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { behaviourStacks } from './behaviour-model';
import { type HeatMetric, heatmap } from './heatmap-model';
import { HeatmapTable } from './heatmap-table';
import { useBehaviours, useKpis } from './insights-api';
import { ValueReadingCard } from './guidance';
import { InsightsNav } from './insights-nav';
import { JourneyHeatmap } from './journey-heatmap';
import { focusFirst, gradeBars, trendSeries, valueName } from './kpi-model';
import { PeriodGate } from './period-gate';
import { PeriodPicker } from './period-picker';
import { PeriodScopeNote } from './period-scope-note';
import { useInsightsParams } from './use-insights-params';
import { BehaviourStacksCard, GradeBarsChart, TrendChart } from './value-charts';
import { ManagerPerspective } from '../appraisals/manager-perspective';

function TeamHeatmap({ value, csvKey }: { value: KpiValueInfo; csvKey: string }) {
  const { t, i18n } = useTranslation();
  const { kind, at, atQuery, get, update, periodSearch } = useInsightsParams();
  // A round has only self scores and a wave only customer grades: no choice then.
  const metric: HeatMetric =
    kind === 'wave' || (kind !== 'round' && get('metric') === 'customer') ? 'customer' : 'self';
  const teams = useKpis({ ...atQuery, breakdown: 'team' });
  const metricLabel = t(metric === 'self' ? 'insights.table.selfScore' : 'insights.table.grade');
  const [cell, setCell] = useState<{ cell: ActionCell; describe: string } | null>(null);
  const me = useMe().data;
  // HR and admins act on any cell, a manager on its teams' rows (the api checks the same).
  const mayAct = (g: KpiGroup) =>
    (kind === 'month' || kind === 'quarter') &&
    (me?.role === 'hr' ||
      me?.role === 'admin' ||
      (me?.role === 'manager' && g.kind === 'team' && g.id !== null));
  const rowAction = (g: KpiGroup) =>
    mayAct(g) && (kind === 'month' || kind === 'quarter') ? (
      <Button
        size="compact-xs"
        // The default variant: light blue on blue fails AA contrast at this size.
        variant="default"
        ml="xs"
        aria-label={t('actions.createFor', {
          value: valueName(value, i18n.language),
          group: g.name,
          period: periodLabel(at, i18n.language),
        })}
        onClick={() =>
          setCell({
            cell: {
              valueKey: value.key,
              teamId: g.kind === 'team' ? g.id : null,
              periodKind: kind,
              period: at,
              metric: metric === 'self' ? 'self' : 'customer',
            },
            describe: [valueName(value, i18n.language), g.name, periodLabel(at, i18n.language)].join(' · '),
          })
        }
      >
        {t('actions.create')}
      </Button>
    ) : null;
  return (
    <>
      <ActionModalOnDemand
        cell={cell?.cell ?? null}
        describe={cell?.describe ?? ''}
        onClose={() => setCell(null)}
      />
      <QueryState query={teams}>
        {(report) => (
          <HeatmapTable
            map={heatmap(report.rows, focusFirst(report.values, value.key), at, metric)}
            title={t(metric === 'self' ? 'insights.value.heatmapSelf' : 'insights.value.heatmapCustomer')}
            intro={t('insights.value.heatmapIntro', { minimum: report.minimum })}
            groupHeader={t('insights.table.team')}
            metricLabel={metricLabel}
            csvName={[csvKey, metric, at]}
            minimum={report.minimum}
            rowLink={(g) => (g.id ? `/insights/teams/${g.id}${periodSearch}` : null)}
            rowAction={rowAction}
            controls={
              kind !== 'round' &&
              kind !== 'wave' && (
                <SegmentedControl
                  size="xs"
                  aria-label={t('insights.value.metric')}
                  value={metric}
                  onChange={(m) => update({ metric: m === 'customer' ? 'customer' : null })}
                  data={[
                    { value: 'self', label: t('insights.table.selfScore') },
                    { value: 'customer', label: t('insights.table.grade') },
                  ]}
                />
              )
            }
          />
        )}
      </QueryState>
    </>
  );
}

/** The actions on this value (text beside the trend's markers), linked to their page. */
function ValueActions({ valueKey }: { valueKey: string }) {
  const { t } = useTranslation();
  const actions = useActions({ valueKey });
  if (!actions.data?.length) return null;
  return (
    <Stack gap={4} aria-labelledby="value-actions-title" component="section">
      <Text fw={700} id="value-actions-title">
        {t('actions.title')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('actions.markersNote')}
      </Text>
      <List size="sm">
        {actions.data.map((a) => (
          <List.Item key={a.id}>
            <Anchor component={Link} to={`/actions/${a.id}`}>
              {a.what}
            </Anchor>{' '}
            ({a.owner.name}, {a.dueDate}, {t(`actions.statuses.${a.status}`)})
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function CustomerBars({ value, csvKey }: { value: KpiValueInfo; csvKey: string }) {
  const { t } = useTranslation();
  const { at, atQuery } = useInsightsParams();
  const query = { ...atQuery, valueKey: value.key };
  const segments = useKpis({ ...query, breakdown: 'segment' });
  const journeys = useKpis({ ...query, breakdown: 'journey' });
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <QueryState query={segments}>
        {(report) => (
          <GradeBarsChart
            title={t('insights.value.segments')}
            groupLabel={t('insights.table.segment')}
            bars={gradeBars(report, at, value.key)}
            target={value.target}
            csvName={[csvKey, 'segments', at]}
          />
        )}
      </QueryState>
      <QueryState query={journeys}>
        {(report) => (
          <GradeBarsChart
            title={t('insights.value.journeys')}
            groupLabel={t('insights.table.journey')}
            bars={gradeBars(report, at, value.key)}
            target={value.target}
            csvName={[csvKey, 'journeys', at]}
          />
        )}
      </QueryState>
    </SimpleGrid>
  );
}

function Behaviours({ value, minimum, csvKey }: { value: KpiValueInfo; minimum: number; csvKey: string }) {
  const { t } = useTranslation();
  const { at, atQuery } = useInsightsParams();
  const behaviours = useBehaviours({ ...atQuery, valueKey: value.key });
  return (
    <QueryState query={behaviours}>
      {(report) => (
        <BehaviourStacksCard
          title={t('insights.value.behaviours')}
          stacks={behaviourStacks(report, at, value.key)}
          minimum={report.minimum ?? minimum}
          csvName={[csvKey, 'behaviours', at]}
        />
      )}
    </QueryState>
  );
}

/** /insights/values/:key: one value over time, per team, segment and journey, and its behaviours. */
export function ValuePage() {
  const { t, i18n } = useTranslation();
  const { key = '' } = useParams();
  const { kind, range, rangeQuery } = useInsightsParams();
  const trend = useKpis({ ...rangeQuery, breakdown: 'organisation', valueKey: key });
  const value = trend.data?.values.find((v) => v.key === key);
  const actions = useActions({ valueKey: key });
  const name = value ? valueName(value, i18n.language) : t('insights.value.title');
  return (
    <Page title={name} intro={t('insights.value.intro')}>
      <Stack gap="md">
        <InsightsNav />
        <PeriodPicker />
        <PeriodGate>
          <PeriodScopeNote />
          <QueryState query={trend}>
            {(report) =>
              !value ? (
                <EmptyState>{t('insights.value.unknown')}</EmptyState>
              ) : (
                <Stack gap="md">
                  <ValueReadingCard value={value} report={report} />
                  <TrendChart
                    value={value}
                    points={trendSeries(report, key)}
                    minimum={report.minimum}
                    csvName={[name, 'trend', range.to]}
                    markers={
                      kind === 'month' || kind === 'quarter'
                        ? trendMarkers(actions.data ?? [], kind, report.periods, (a) =>
                            t('actions.marker', { what: a.what }),
                          )
                        : []
                    }
                  />
                  <ValueActions valueKey={key} />
                  <ManagerPerspective valueKey={key} />
                  <TeamHeatmap value={value} csvKey={name} />
                  {kind !== 'round' && <CustomerBars value={value} csvKey={name} />}
                  {kind !== 'round' && <JourneyHeatmap value={value} csvKey={name} />}
                  {kind !== 'wave' && <Behaviours value={value} minimum={report.minimum} csvKey={name} />}
                </Stack>
              )
            }
          </QueryState>
        </PeriodGate>
      </Stack>
    </Page>
  );
}
