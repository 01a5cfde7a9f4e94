import { Button, SegmentedControl, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { HeartMonitor } from '@wk/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Line,
  ReferenceArea,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { bandProps, GRADE_TICKS, GRID_STROKE, numberOrRange } from './chart-style';
import { DataTable } from './data-table';
import {
  AVERAGE,
  heartChartRows,
  heartChartWidth,
  type HeartFigure,
  type HeartLine,
  type HeartPoint,
  heartLines,
  heartSeries,
  type HeartView,
  stepLabelLines,
} from './heart-model';
import { heartTable } from './heart-table';
import { downloadText, useCellTexts } from './insight-ui';
import { InsightSection } from './insight-section';
import { csvFileName, formatNumber, tableToCsv } from './table-model';
import './heart-monitor.css';

const PEAK = '#2b8a3e';
const DIP = '#c92a2a';
const INK = '#1a1b1e';

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
}

/**
 * A point of a line: ▲ for a peak, ▼ for a dip, a hollow circle for a provisional figure, a plain dot
 * otherwise. On the average line peaks are green and dips red; per value they take the line's
 * colour (the shape says peak or dip), with a dark outline so they stand out from the lines.
 */
function HeartDot({
  cx,
  cy,
  figure,
  colour,
  average,
}: DotProps & { figure?: HeartFigure; colour: string; average: boolean }) {
  if (cx === undefined || cy === undefined || !figure || figure.mean === null || figure.state === 'too_few')
    return null;
  const size = average ? 9 : 8;
  if (figure.peak)
    return (
      <path
        d={`M${cx},${cy - size} L${cx + size},${cy + size * 0.7} L${cx - size},${cy + size * 0.7} Z`}
        fill={average ? PEAK : colour}
        stroke={average ? '#fff' : INK}
        strokeWidth={1.2}
      />
    );
  if (figure.dip)
    return (
      <path
        d={`M${cx},${cy + size} L${cx + size},${cy - size * 0.7} L${cx - size},${cy - size * 0.7} Z`}
        fill={average ? DIP : colour}
        stroke={average ? '#fff' : INK}
        strokeWidth={1.2}
      />
    );
  if (figure.state === 'provisional')
    return <circle cx={cx} cy={cy} r={average ? 5 : 4} fill="#fff" stroke={colour} strokeWidth={2} />;
  return <circle cx={cx} cy={cy} r={average ? 4 : 3} fill={colour} stroke="#fff" />;
}

/**
 * The grade above each point of the average line (below a dip), with "piek", "dal" or "voorlopig"
 * in words on a line of its own: stacked, neighbouring labels stay within their ~96 px.
 */
function PointLabel({
  x,
  y,
  index,
  points,
}: {
  x?: number;
  y?: number;
  index?: number;
  points: HeartPoint[];
}) {
  const { t, i18n } = useTranslation();
  const figure = index === undefined ? undefined : points[index]?.figures[AVERAGE];
  if (x === undefined || y === undefined || !figure || figure.mean === null || figure.state === 'too_few')
    return null;
  const word = figure.peak
    ? t('insights.heart.peak')
    : figure.dip
      ? t('insights.heart.dip')
      : figure.state === 'provisional'
        ? t('insights.heart.provisional')
        : '';
  const number = formatNumber(figure.mean, 'grade', i18n.language);
  // Above the point: the word on top; below a dip: the number first.
  const [first, second] = figure.dip ? [number, word] : [word, number];
  const top = figure.dip ? y + 24 : word ? y - 28 : y - 14;
  return (
    <text
      className="heart-point-label"
      x={x}
      y={top}
      textAnchor="middle"
      fill={INK}
      fontSize={12}
      fontWeight={600}
    >
      {first && (
        <tspan x={x} dy={0}>
          {first}
        </tspan>
      )}
      {second && (
        <tspan x={x} dy={first ? 14 : 0}>
          {second}
        </tspan>
      )}
    </text>
  );
}

/** The step name under the axis in at most two short lines, with ★ for a moment of truth. */
function StepTick(props: { x?: number; y?: number; payload?: { value: number }; points: HeartPoint[] }) {
  const { x = 0, y = 0, payload, points } = props;
  const point = points.find((p) => p.step === payload?.value);
  if (!point) return null;
  const lines = stepLabelLines(point.name);
  return (
    <g transform={`translate(${x},${y + 12})`}>
      <text
        className="heart-step"
        textAnchor="middle"
        fill={INK}
        fontSize={11}
        fontWeight={point.momentOfTruth ? 700 : 400}
      >
        {lines.map((line, i) => (
          <tspan key={i} x={0} dy={i === 0 ? 0 : 14}>
            {i === 0 && point.momentOfTruth ? '★ ' : ''}
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** The lines' names with their colour and dash, as HTML beside the chart (it wraps on a phone). */
function LineLegend({ lines }: { lines: HeartLine[] }) {
  return (
    <ul className="heart-legend">
      {lines.map((line) => (
        <li key={line.key}>
          <svg width={28} height={10} aria-hidden>
            <line
              x1={0}
              y1={5}
              x2={28}
              y2={5}
              stroke={line.colour}
              strokeWidth={3}
              strokeDasharray={line.dash}
            />
          </svg>
          {line.name}
        </li>
      ))}
    </ul>
  );
}

/**
 * Recognition per touchpoint in journey order, as the average over the values or as a line per
 * value (`?view=values`); peaks, dips, provisional figures and moments of truth marked. On a phone
 * the chart keeps a readable width per touchpoint and scrolls sideways; the table is the accessible
 * version and follows the view.
 */
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
  const texts = useCellTexts();
  const [params, setParams] = useSearchParams();
  const view: HeartView = params.get('view') === 'values' ? 'values' : 'average';
  const setView = (next: string) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next === 'values') copy.set('view', 'values');
        else copy.delete('view');
        return copy;
      },
      { replace: true },
    );
  const [asTable, setAsTable] = useState(false);
  const { ref, width } = useElementSize();
  const points = heartSeries(monitor);
  const lines = heartLines(monitor, view, t('insights.heart.line'), valueNames);
  const rows = heartChartRows(points, lines);
  const table = heartTable(points, lines, t, monitor.minimum);
  const chartWidth = heartChartWidth(points.length, Math.floor(width));
  const limits = { minimum: monitor.minimum, reliability: monitor.reliabilityMinimum };
  const title = t('insights.heart.chartTitle', { journey: monitor.name });
  const average = view === 'average';

  return (
    <InsightSection
      title={title}
      intro={t(average ? 'insights.heart.legend' : 'insights.heart.legendValues', limits)}
      className="chart-card"
      tools={
        <>
          <SegmentedControl
            size="xs"
            aria-label={t('insights.heart.view')}
            value={view}
            onChange={setView}
            data={[
              { value: 'average', label: t('insights.heart.viewAverage') },
              { value: 'values', label: t('insights.heart.viewValues') },
            ]}
          />
          <Button size="xs" variant="default" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {t('insights.showTable')}
          </Button>
        </>
      }
      onDownloadCsv={() => downloadText(csvFileName(...csvName), tableToCsv(table, lang, texts))}
    >
      {asTable ? (
        <DataTable spec={table} caption={title} />
      ) : (
        <>
          <div ref={ref} className="heart-measure" />
          {chartWidth > width + 1 && (
            <Text size="xs" c="dimmed" className="heart-scroll-hint">
              {t('insights.heart.scrollHint')}
            </Text>
          )}
          <div
            className="heart-scroll"
            tabIndex={0}
            role="region"
            aria-label={t('insights.heart.scrollLabel')}
          >
            <div
              role="img"
              aria-label={t(average ? 'insights.heart.chartLabel' : 'insights.heart.chartLabelValues', {
                journey: monitor.name,
              })}
              style={{ width: chartWidth }}
            >
              <ComposedChart
                width={chartWidth}
                height={360}
                data={rows}
                margin={{ top: 36, right: 28, bottom: 8, left: 0 }}
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
                  height={52}
                />
                <YAxis domain={[1, 10]} ticks={GRADE_TICKS} width={32} />
                <Tooltip
                  labelFormatter={(step) => points.find((p) => p.step === step)?.name ?? ''}
                  formatter={numberOrRange('grade', lang)}
                />
                {average && <Area {...bandProps('band', t('insights.heart.band'), lines[0].colour)} />}
                {lines.map((line) => (
                  <Line
                    key={line.key}
                    dataKey={line.key}
                    name={line.name}
                    stroke={line.colour}
                    strokeWidth={average ? 2.5 : 2}
                    strokeDasharray={line.dash || undefined}
                    isAnimationActive={false}
                    connectNulls={false}
                    dot={(props: DotProps) => (
                      <HeartDot
                        key={`${line.key}-${props.index}`}
                        {...props}
                        figure={
                          props.index === undefined ? undefined : points[props.index]?.figures[line.key]
                        }
                        colour={line.colour}
                        average={average}
                      />
                    )}
                    activeDot={{ r: 6 }}
                  >
                    {average && (
                      <LabelList
                        dataKey={line.key}
                        content={(props: object) => <PointLabel {...(props as DotProps)} points={points} />}
                      />
                    )}
                  </Line>
                ))}
              </ComposedChart>
            </div>
          </div>
          <LineLegend
            lines={
              average
                ? [...lines, { ...lines[0], key: 'band', name: t('insights.heart.band'), colour: '#a5c8ea' }]
                : lines
            }
          />
        </>
      )}
    </InsightSection>
  );
}
