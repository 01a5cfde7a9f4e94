import type { HeartMonitor } from '@wk/contracts';
import { useTranslation } from 'react-i18next';
import {
  Area,
  CartesianGrid,
  LabelList,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartCard } from './chart-card';
import {
  bandProps,
  BLUE,
  GRADE_TICKS,
  GRID_STROKE,
  legendText,
  lineProps,
  numberOrRange,
} from './chart-style';
import { type HeartPoint, heartSeries, heartValueKeys } from './heart-model';
import { formatNumber } from './table-model';
import { heartTable } from './tables';

/** A point of the line: ▲ green for a peak, ▼ red for a dip, a plain dot otherwise. */
function HeartDot(props: { cx?: number; cy?: number; payload?: HeartPoint }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload || payload.grade === null) return null;
  if (payload.peak)
    return (
      <path d={`M${cx},${cy - 9} L${cx + 8},${cy + 6} L${cx - 8},${cy + 6} Z`} fill="#2b8a3e" stroke="#fff" />
    );
  if (payload.dip)
    return (
      <path d={`M${cx},${cy + 9} L${cx + 8},${cy - 6} L${cx - 8},${cy - 6} Z`} fill="#c92a2a" stroke="#fff" />
    );
  return <circle cx={cx} cy={cy} r={4} fill={BLUE} stroke="#fff" />;
}

interface PointLabelProps {
  x?: number;
  y?: number;
  index?: number;
}

/** The grade above each point, with "piek" or "dal" in words: the marks never rely on shape or colour alone. */
function PointLabel({ x, y, index, points }: PointLabelProps & { points: HeartPoint[] }) {
  const { t, i18n } = useTranslation();
  const point = index === undefined ? undefined : points[index];
  if (x === undefined || y === undefined || !point || point.grade === null) return null;
  const word = point.peak ? ` ${t('insights.heart.peak')}` : point.dip ? ` ${t('insights.heart.dip')}` : '';
  return (
    <text
      x={x}
      y={point.dip ? y + 24 : y - 14}
      textAnchor="middle"
      fill="#1a1b1e"
      fontSize={12}
      fontWeight={600}
    >
      {formatNumber(point.grade, 'grade', i18n.language)}
      {word}
    </text>
  );
}

/** The step name under the axis, with ★ for a moment of truth. */
function StepTick(props: { x?: number; y?: number; payload?: { value: number }; points: HeartPoint[] }) {
  const { x = 0, y = 0, payload, points } = props;
  const point = points.find((p) => p.step === payload?.value);
  if (!point) return null;
  return (
    <g transform={`translate(${x},${y + 12})`}>
      <text textAnchor="middle" fill="#1a1b1e" fontSize={12} fontWeight={point.momentOfTruth ? 700 : 400}>
        {point.momentOfTruth ? '★ ' : ''}
        {point.name.length > 22 ? `${point.name.slice(0, 21)}…` : point.name}
      </text>
    </g>
  );
}

/** Recognition per touchpoint in journey order; peaks, dips and moments of truth marked. */
export function HeartChart({
  monitor,
  valueNames,
  csvName,
}: {
  monitor: HeartMonitor;
  valueNames: (key: string) => string;
  csvName: string[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const points = heartSeries(monitor);
  const values = heartValueKeys(monitor).map((key) => ({ key, name: valueNames(key) }));
  return (
    <ChartCard
      title={t('insights.heart.chartTitle', { journey: monitor.name })}
      intro={t('insights.heart.legend')}
      label={t('insights.heart.chartLabel', { journey: monitor.name })}
      table={heartTable(points, values, t)}
      csvName={csvName}
    >
      <ResponsiveContainer width="100%" height={340}>
        <ComposedChart
          data={points}
          margin={{ top: 20, right: 24, bottom: 24, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={GRID_STROKE} />
          {points
            .filter((p) => p.momentOfTruth)
            .map((p) => (
              <ReferenceArea
                key={p.touchpointId}
                x1={p.step - 0.4}
                x2={p.step + 0.4}
                fill="#fab005"
                fillOpacity={0.18}
                stroke="#e67700"
                strokeDasharray="4 3"
                ifOverflow="extendDomain"
              />
            ))}
          <XAxis
            dataKey="step"
            type="number"
            domain={[0.5, points.length + 0.5]}
            ticks={points.map((p) => p.step)}
            interval={0}
            tick={(props: object) => <StepTick {...props} points={points} />}
            height={40}
          />
          <YAxis domain={[1, 10]} ticks={GRADE_TICKS} />
          <Tooltip
            labelFormatter={(step) => points.find((p) => p.step === step)?.name ?? ''}
            formatter={numberOrRange('grade', lang)}
          />
          <Legend formatter={legendText} />
          <Area {...bandProps('band', t('insights.heart.band'), BLUE)} />
          <Line
            {...lineProps('grade', t('insights.heart.line'), BLUE)}
            dot={(props: object) => (
              <HeartDot key={JSON.stringify((props as { index?: number }).index)} {...props} />
            )}
            activeDot={{ r: 6 }}
          >
            <LabelList
              dataKey="grade"
              content={(props: object) => <PointLabel {...(props as PointLabelProps)} points={points} />}
            />
          </Line>
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
