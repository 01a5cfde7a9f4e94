import { SegmentedControl, SimpleGrid, Stack } from '@mantine/core';
import type { KpiValueInfo } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../components/page';
import { EmptyState, QueryState } from '../../components/states';
import { behaviourStacks } from './behaviour-model';
import { type HeatMetric, heatmap } from './heatmap-model';
import { HeatmapTable } from './heatmap-table';
import { useBehaviours, useKpis } from './insights-api';
import { InsightsNav } from './insights-nav';
import { focusFirst, gradeBars, trendSeries, valueName } from './kpi-model';
import { PeriodGate } from './period-gate';
import { PeriodPicker } from './period-picker';
import { PeriodScopeNote } from './period-scope-note';
import { useInsightsParams } from './use-insights-params';
import { BehaviourStacksCard, GradeBarsChart, TrendChart } from './value-charts';

function TeamHeatmap({ value, csvKey }: { value: KpiValueInfo; csvKey: string }) {
  const { t } = useTranslation();
  const { kind, at, atQuery, get, update, periodSearch } = useInsightsParams();
  // A round has only self scores and a wave only customer grades: no choice then.
  const metric: HeatMetric =
    kind === 'wave' || (kind !== 'round' && get('metric') === 'customer') ? 'customer' : 'self';
  const teams = useKpis({ ...atQuery, breakdown: 'team' });
  const metricLabel = t(metric === 'self' ? 'insights.table.selfScore' : 'insights.table.grade');
  return (
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
                  <TrendChart
                    value={value}
                    points={trendSeries(report, key)}
                    minimum={report.minimum}
                    csvName={[name, 'trend', range.to]}
                  />
                  <TeamHeatmap value={value} csvKey={name} />
                  {kind !== 'round' && <CustomerBars value={value} csvKey={name} />}
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
