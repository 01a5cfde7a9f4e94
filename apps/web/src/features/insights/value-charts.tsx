import { Group, Stack, Text } from '@mantine/core';
import type { KpiValueInfo } from '@wk/contracts';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { type BehaviourStack, behaviourText } from './behaviour-model';
import { ChartCard } from './chart-card';
import { barsHeight, Plot, PlotSpace } from './chart-style';
import { TooFew } from './insight-ui';
import { type GradeBar, type TrendPoint } from './kpi-model';
import { formatNumber } from './table-model';
import { barsTable, behaviourTable, trendTable } from './tables';

// The drawings load after the figures, titles and "Als tabel" buttons (issue 13: usable on a phone).
const plots = () => import('./value-plots');
const TrendPlot = lazy(() => plots().then((m) => ({ default: m.TrendPlot })));
const GradeBarsPlot = lazy(() => plots().then((m) => ({ default: m.GradeBarsPlot })));

/**
 * Customer recognition and self-image of one value over time, both as index 0-100: the vertical
 * distance between the lines is the outside-in gap. Bands are the 95% intervals.
 */
export function TrendChart({
  value,
  points,
  minimum,
  csvName,
  markers = [],
}: {
  value: KpiValueInfo;
  points: TrendPoint[];
  minimum: number;
  csvName: string[];
  /** Actions on this value, drawn at the period of their due date. */
  markers?: { period: string; label: string; id: string }[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <ChartCard
      title={t('insights.value.trendTitle')}
      intro={t('insights.value.trendIntro')}
      label={t('insights.value.trendLabel')}
      table={trendTable(points, t, i18n.language)}
      csvName={csvName}
      minimum={minimum}
    >
      {/* At the top of the value page and a team's view: drawn at once, never waiting for a scroll. */}
      <Suspense fallback={<PlotSpace height={300} />}>
        <TrendPlot value={value} points={points} markers={markers} />
      </Suspense>
    </ChartCard>
  );
}

/** Recognition grade per group (segment, journey, touchpoint) as bars with the 95% interval and the target. */
export function GradeBarsChart({
  title,
  groupLabel,
  bars,
  target,
  csvName,
}: {
  title: string;
  groupLabel: string;
  bars: GradeBar[];
  target: number;
  csvName: string[];
}) {
  const { t } = useTranslation();
  if (bars.length === 0)
    return (
      <ChartCard title={title} label={title} table={barsTable(bars, t, groupLabel)} csvName={csvName}>
        <Text c="dimmed">{t('insights.noGroups')}</Text>
      </ChartCard>
    );
  return (
    <ChartCard
      title={title}
      label={t('insights.value.barsLabel', { title })}
      table={barsTable(bars, t, groupLabel)}
      csvName={csvName}
    >
      <Plot height={barsHeight(bars)}>
        <GradeBarsPlot bars={bars} target={target} />
      </Plot>
    </ChartCard>
  );
}

const LEVELS = [1, 2, 3, 4] as const;

/** One stacked bar of the four self levels per behaviour (HTML, so long behaviour texts wrap). */
export function BehaviourStacksCard({
  title,
  stacks,
  minimum,
  csvName,
  valueNameOf,
  emptyText,
}: {
  title: string;
  emptyText?: string;
  stacks: BehaviourStack[];
  minimum: number;
  csvName: string[];
  valueNameOf?: (key: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <ChartCard
      title={title}
      label={t('insights.behaviours.chartLabel')}
      table={behaviourTable(stacks, t, lang, valueNameOf)}
      csvName={csvName}
      minimum={minimum}
    >
      <Stack gap="sm">
        <Group gap="md" wrap="wrap" aria-hidden>
          {LEVELS.map((l) => (
            <Text key={l} size="xs">
              <span className={`level-swatch level-${l}`} />
              {t(`insights.behaviours.level${l}`)}
            </Text>
          ))}
        </Group>
        {stacks.length === 0 && <Text c="dimmed">{emptyText ?? t('insights.behaviours.none')}</Text>}
        {stacks.map((s) => (
          <div key={`${s.valueKey}:${s.key}`}>
            <Text size="sm" mb={2}>
              {behaviourText(s, lang)}
              {valueNameOf && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {valueNameOf(s.valueKey)}
                </Text>
              )}
              {s.mean !== null && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {t('insights.behaviours.mean')} {formatNumber(s.mean, 'self', lang)}
                </Text>
              )}
            </Text>
            {s.shares ? (
              <div className="stack-bar">
                {s.shares.map((share, i) =>
                  share > 0 ? (
                    <span key={i} className={`level-${i + 1}`} style={{ width: `${share * 100}%` }}>
                      {share >= 0.08 ? formatNumber(share, 'share', lang) : ''}
                    </span>
                  ) : null,
                )}
              </div>
            ) : (
              <div className="stack-bar tone-too_few" style={{ paddingLeft: 8, alignItems: 'center' }}>
                {s.suppressed ? <TooFew minimum={minimum} /> : <Text size="xs">–</Text>}
              </div>
            )}
          </div>
        ))}
      </Stack>
    </ChartCard>
  );
}
