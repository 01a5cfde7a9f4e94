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
import {
  bandProps,
  barsHeight,
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
import { type GradeBar, type TrendPoint } from './kpi-model';
import { periodLabel } from './period-model';
import { formatNumber } from './table-model';

/**
 * The Recharts drawings of value-charts.tsx, loaded after the page's figures, titles and table
 * buttons are on screen (lazy there): the charting library is the largest script of the dashboard.
 */

/** Both indices over time with their 95% bands, the grade target and the actions' markers. */
export function TrendPlot({
  value,
  points,
  markers,
}: {
  value: KpiValueInfo;
  points: TrendPoint[];
  markers: { period: string; label: string; id: string }[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // A side without any number (a wave has no self-image, a round no customers) gets no line or legend.
  const hasCustomer = points.some((p) => p.customerIndex !== null);
  const hasSelf = points.some((p) => p.selfIndex !== null);
  return (
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
  );
}

/** Grade per group as horizontal bars with the 95% interval and the target. */
export function GradeBarsPlot({ bars, target }: { bars: GradeBar[]; target: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <ResponsiveContainer width="100%" height={barsHeight(bars)}>
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
  );
}
