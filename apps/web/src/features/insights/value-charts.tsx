import { Group, Stack, Text } from '@mantine/core';
import type { KpiValueInfo } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  LabelList,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { type BehaviourStack, behaviourText } from './behaviour-model';
import { ChartCard } from './chart-card';
import {
  bandProps,
  BLUE,
  GRADE_TICKS,
  GRID_STROKE,
  legendText,
  lineProps,
  numberOrDash,
  numberOrRange,
  ORANGE,
  targetLineProps,
} from './chart-style';
import { TooFew } from './insight-ui';
import { type GradeBar, type TrendPoint } from './kpi-model';
import { periodLabel } from './period-model';
import { formatNumber } from './table-model';
import { barsTable, behaviourTable, trendTable } from './tables';

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
  const lang = i18n.language;
  // A side without any number (a wave has no self-image, a round no customers) gets no line or legend.
  const hasCustomer = points.some((p) => p.customerIndex !== null);
  const hasSelf = points.some((p) => p.selfIndex !== null);
  return (
    <ChartCard
      title={t('insights.value.trendTitle')}
      intro={t('insights.value.trendIntro')}
      label={t('insights.value.trendLabel')}
      table={trendTable(points, t, lang)}
      csvName={csvName}
      minimum={minimum}
    >
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart
          data={points}
          margin={{ top: 16, right: 24, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={GRID_STROKE} />
          <XAxis dataKey="period" tickFormatter={(p: string) => periodLabel(p, lang)} />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(v: number) => formatNumber(v, 'index', lang)}
            label={{ value: t('guidance.indexAxis'), angle: -90, position: 'insideLeft', fontSize: 12 }}
          />
          {/* Grade 1-10 maps linearly onto index 0-100, so this axis lines up with the left one and
              the grade target is drawn on the grade axis it belongs to. */}
          <YAxis
            yAxisId="grade"
            orientation="right"
            domain={[1, 10]}
            ticks={GRADE_TICKS}
            tickFormatter={(v: number) => formatNumber(v, 'count', lang)}
            label={{ value: t('guidance.gradeAxis'), angle: 90, position: 'insideRight', fontSize: 12 }}
          />
          <Tooltip
            labelFormatter={(p) => periodLabel(String(p), lang)}
            formatter={numberOrRange('index', lang)}
          />
          <Legend formatter={legendText} />
          <ReferenceLine
            yAxisId="grade"
            y={value.target}
            {...targetLineProps(
              t('insights.value.targetLine', { target: formatNumber(value.target, 'grade', lang) }),
              'insideTopRight',
            )}
          />
          {markers.map((m) => (
            <ReferenceLine
              key={m.id}
              x={m.period}
              className="action-marker"
              stroke="#5c5f66"
              strokeDasharray="2 3"
              label={{ value: '◆', position: 'insideTop', fill: '#5c5f66' }}
            />
          ))}
          {hasCustomer && <Area {...bandProps('customerBand', t('insights.value.customerBand'), BLUE)} />}
          {hasSelf && <Area {...bandProps('selfBand', t('insights.value.selfBand'), ORANGE)} />}
          {hasCustomer && (
            <Line {...lineProps('customerIndex', t('insights.value.customerLine'), BLUE)} dot={{ r: 4 }} />
          )}
          {hasSelf && (
            <Line
              {...lineProps('selfIndex', t('insights.value.selfLine'), ORANGE)}
              strokeDasharray="6 3"
              dot={{ r: 4, strokeDasharray: '' }}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
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
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
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
      <ResponsiveContainer width="100%" height={Math.max(120, bars.length * 44 + 50)}>
        <BarChart
          data={bars}
          layout="vertical"
          margin={{ top: 16, right: 40, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
          <XAxis type="number" domain={[1, 10]} ticks={GRADE_TICKS} />
          <YAxis type="category" dataKey="name" width={150} />
          <Tooltip formatter={numberOrDash('grade', lang)} />
          <ReferenceLine
            x={target}
            {...targetLineProps(
              t('insights.value.targetLine', { target: formatNumber(target, 'grade', lang) }),
              'top',
            )}
          />
          <Bar
            dataKey="grade"
            name={t('insights.table.grade')}
            fill="#4dabf7"
            stroke={BLUE}
            isAnimationActive={false}
          >
            <ErrorBar dataKey="error" direction="x" width={6} stroke="#1a1b1e" />
            <LabelList
              dataKey="grade"
              position="insideLeft"
              fill="#1a1b1e"
              formatter={(v: unknown) => (typeof v === 'number' ? formatNumber(v, 'grade', lang) : '')}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
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
