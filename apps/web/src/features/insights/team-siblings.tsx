import { SegmentedControl, Text } from '@mantine/core';
import type { KpiReport, TeamSiblings } from '@wk/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { QueryState } from '../../components/states';
import { BLUE, GRADE_TICKS, GRID_STROKE, legendText, numberOrRange } from './chart-style';
import { ChartCard } from './chart-card';
import { valueName } from './kpi-model';
import { formatNumber, type TableSpec } from './table-model';
import type { Translate } from './tables';
import { useTeamSiblings } from './team-api';
import { type ComparisonMetric, type SiblingBar, siblingBars } from './team-model';
import { useInsightsParams } from './use-insights-params';

function siblingsTable(bars: SiblingBar[], t: Translate, metric: ComparisonMetric): TableSpec {
  const kind = metric === 'self' ? 'self' : 'grade';
  return {
    columns: [
      { key: 'value', label: t('insights.table.value'), kind: 'text' },
      { key: 'team', label: t('insights.teamView.siblings.team'), kind },
      { key: 'organisation', label: t('insights.teamView.siblings.organisation'), kind },
      { key: 'lowest', label: t('insights.teamView.siblings.lowest'), kind },
      { key: 'highest', label: t('insights.teamView.siblings.highest'), kind },
      { key: 'shown', label: t('insights.teamView.siblings.shown'), kind: 'count' },
      { key: 'withheld', label: t('insights.teamView.siblings.withheld'), kind: 'count' },
      { key: 'rank', label: t('insights.teamView.siblings.rank'), kind: 'text' },
    ],
    rows: bars.map((b) => ({
      value: b.name,
      team: b.team,
      organisation: b.organisation,
      lowest: b.siblings?.[0] ?? null,
      highest: b.siblings?.[1] ?? null,
      shown: b.siblingsShown,
      withheld: b.withheld,
      rank:
        b.rank === null
          ? null
          : t('insights.teamView.siblings.rankOf', { rank: b.rank, count: b.siblingsShown + 1 }),
    })),
  };
}

function SiblingChart({ bars, metric }: { bars: SiblingBar[]; metric: ComparisonMetric }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isSelf = metric === 'self';
  // A provisional team grade is drawn in the neutral grey, never as a verdict.
  const provisional = bars.some((b) => b.provisional);
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart
        data={bars}
        margin={{ top: 16, right: 8, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="name" interval={0} tick={{ fontSize: 12 }} />
        <YAxis
          width={32}
          domain={isSelf ? [1, 4] : [1, 10]}
          ticks={isSelf ? [1, 2, 3, 4] : GRADE_TICKS}
          tickFormatter={(v: number) => formatNumber(v, 'count', lang)}
        />
        <Tooltip formatter={numberOrRange(isSelf ? 'self' : 'grade', lang)} />
        <Legend formatter={legendText} />
        <Bar
          dataKey="team"
          name={t('insights.teamView.siblings.team')}
          fill={provisional ? '#adb5bd' : BLUE}
          isAnimationActive={false}
        />
        <Bar
          dataKey="organisation"
          name={t('insights.teamView.siblings.organisation')}
          fill="#a5d8ff"
          stroke={BLUE}
          isAnimationActive={false}
        />
        <Bar
          dataKey="siblings"
          name={t('insights.teamView.siblings.range')}
          fill="#e9ecef"
          stroke="#495057"
          strokeDasharray="3 2"
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** What the chart leaves out, in words: provisional team grade, named siblings, withheld and unnamed ones. */
function notes(
  siblings: TeamSiblings,
  bars: SiblingBar[],
  at: string,
  metric: ComparisonMetric,
  t: Translate,
): string {
  const named = [
    ...new Set(
      siblings.rows
        .filter((r) => r.period === at)
        .flatMap((r) => (metric === 'self' ? r.self : r.customer)?.siblings ?? [])
        .flatMap((c) => (c.name ? [c.name] : [])),
    ),
  ];
  const withheld = Math.max(0, ...bars.map((b) => b.withheld));
  return [
    t('insights.teamView.siblings.intro'),
    bars.some((b) => b.provisional)
      ? t('insights.teamView.siblings.provisional', { minimum: siblings.reliabilityMinimum })
      : '',
    named.length ? `${t('insights.teamView.siblings.named')}: ${named.join(', ')}.` : '',
    withheld > 0 ? t('insights.teamView.siblings.withheldNote', { count: withheld }) : '',
    t('insights.teamView.siblings.unnamedNote'),
  ]
    .filter(Boolean)
    .join(' ');
}

/** The team next to the organisation and the spread of its sibling teams, per value in period `at`. */
export function TeamSiblingsCard({
  teamId,
  teamName,
  organisation,
}: {
  teamId: string;
  teamName: string;
  organisation: KpiReport;
}) {
  const { t, i18n } = useTranslation();
  const { kind, at, atQuery, get, update } = useInsightsParams();
  const metricLabel = useId();
  const query = useTeamSiblings(teamId, atQuery);
  // A round has only self scores and a wave only customer grades; a month or quarter has a choice.
  const metric: ComparisonMetric =
    kind === 'round' || (kind !== 'wave' && get('metric') === 'self') ? 'self' : 'grade';
  return (
    <QueryState query={query}>
      {(siblings) => {
        if (siblings.siblingCount === 0)
          return <Text c="dimmed">{t('insights.teamView.siblings.none')}</Text>;
        const bars = siblingBars(siblings, organisation, at, metric, (v) => valueName(v, i18n.language));
        return (
          <ChartCard
            title={t('insights.teamView.siblings.title')}
            intro={notes(siblings, bars, at, metric, t)}
            label={t('insights.teamView.siblings.label')}
            table={siblingsTable(bars, t, metric)}
            csvName={[teamName, 'siblings', at]}
            minimum={siblings.minimum}
            controls={
              kind === 'month' || kind === 'quarter' ? (
                <>
                  <Text id={metricLabel} size="xs" className="sr-only">
                    {t('insights.teamView.siblings.metric')}
                  </Text>
                  <SegmentedControl
                    size="xs"
                    aria-labelledby={metricLabel}
                    value={metric}
                    onChange={(next) => update({ metric: next === 'self' ? 'self' : null })}
                    data={[
                      { value: 'grade', label: t('insights.teamView.siblings.grade') },
                      { value: 'self', label: t('insights.teamView.siblings.self') },
                    ]}
                  />
                </>
              ) : undefined
            }
          >
            <SiblingChart bars={bars} metric={metric} />
          </ChartCard>
        );
      }}
    </QueryState>
  );
}
