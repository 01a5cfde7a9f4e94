import { List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { BehaviourReport, KpiReport } from '@wk/contracts';
import { localized, valueReading } from '@wk/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trendMarkers } from '../actions/action-model';
import { useActions } from '../actions/actions-api';
import { findRow, trendSeries, valueName, valueTiles } from './kpi-model';
import { periodLabel } from './period-model';
import { formatNumber } from './table-model';
import { useInsightsParams } from './use-insights-params';
import { TrendChart } from './value-charts';
import { ValueTileGrid } from './value-tile';

/**
 * The team per value (issue 17 item 5): self score, customer grade and gap in one tile per value
 * (the overview's tiles, so "voorlopig" and the neutral colour below the reliability minimum come
 * along), the generated reading per value, and the team's trend with its actions as markers.
 */
export function TeamValueTiles({ report, at }: { report: KpiReport; at: string }) {
  const { t } = useTranslation();
  const { periodSearch } = useInsightsParams();
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {t('insights.teamView.valuesTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('insights.teamView.valuesIntro')}
      </Text>
      <ValueTileGrid
        tiles={valueTiles(report, at)}
        report={report}
        linkSearch={periodSearch}
        className="team-tiles"
      />
    </section>
  );
}

/** One generated sentence per value for the team: kind, both indices, its lowest touchpoint, its weakest behaviour. */
export function TeamReadings({
  report,
  at,
  touchpoints,
  behaviours,
}: {
  report: KpiReport;
  at: string;
  touchpoints: KpiReport | undefined;
  behaviours: BehaviourReport | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const limits = { anonymityMinimum: report.minimum, reliabilityMinimum: report.reliabilityMinimum };
  const num = (v: number | null, k: 'index' | 'grade') => (v === null ? '–' : formatNumber(v, k, lang));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} className="team-readings">
      <Title order={2} size="h4" id={id}>
        {t('insights.teamView.readingsTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb={4}>
        {t('guidance.reading.intro', { period: periodLabel(at, lang) })}
      </Text>
      <List spacing="xs">
        {report.values.map((value) => {
          const row = findRow(report.rows, at, value.key);
          const reading = valueReading(
            row,
            (touchpoints?.rows ?? []).filter((r) => r.period === at && r.valueKey === value.key),
            (behaviours?.behaviours ?? []).filter((b) => b.period === at && b.valueKey === value.key),
            limits,
          );
          const tp = reading.lowestTouchpoint;
          const behaviour = reading.weakestBehaviour;
          return (
            <List.Item key={value.key} className={`reading-${reading.kind}`}>
              {t(`guidance.reading.${reading.kind}`, {
                value: valueName(value, lang),
                self: num(reading.selfIndex, 'index'),
                customer: num(reading.customerIndex, 'index'),
                grade: num(row?.customer?.grade.mean ?? null, 'grade'),
                target: formatNumber(value.target, 'grade', lang),
                n: reading.customerN,
                minimum: report.reliabilityMinimum,
              })}
              {tp &&
                ` ${t('guidance.reading.lowestTouchpoint', { name: tp.name, grade: num(tp.grade, 'grade') })}`}
              {behaviour &&
                ` ${t('guidance.reading.weakestBehaviour', {
                  text: localized(behaviour.text, behaviour.textEn, lang),
                  score: formatNumber(behaviour.mean, 'self', lang),
                })}`}
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}

/** The team's trend of one value (customer and self index, the gap between them), its actions as markers. */
export function TeamTrend({
  report,
  teamId,
  teamName,
}: {
  report: KpiReport;
  teamId: string;
  teamName: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { kind, range } = useInsightsParams();
  const [key, setKey] = useState<string | null>(null);
  const value = report.values.find((v) => v.key === key) ?? report.values[0];
  const calendar = kind === 'month' || kind === 'quarter';
  const actions = useActions({ teamId }, calendar);
  if (!value) return null;
  return (
    <Stack gap="xs">
      <Select
        label={t('insights.teamView.trendValue')}
        data={report.values.map((v) => ({ value: v.key, label: valueName(v, lang) }))}
        value={value.key}
        allowDeselect={false}
        onChange={setKey}
        maw={320}
        className="no-print"
      />
      <TrendChart
        value={value}
        points={trendSeries(report, value.key)}
        minimum={report.minimum}
        csvName={[teamName, valueName(value, lang), 'trend', range.to]}
        markers={
          calendar
            ? trendMarkers(
                (actions.data ?? []).filter((a) => a.cell.valueKey === value.key),
                kind,
                report.periods,
                (a) => t('actions.marker', { what: a.what }),
              )
            : []
        }
      />
    </Stack>
  );
}
