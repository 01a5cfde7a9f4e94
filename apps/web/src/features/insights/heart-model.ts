import type { HeartCell, HeartCellState, HeartMonitor } from '@wk/contracts';

/**
 * The heart monitor of a journey as chart lines: the average over the values, or a line per value,
 * along the touchpoints in journey order. The api decides each figure's state (too few answers,
 * provisional, reliable) and its peak or dip (libs/domain heart-monitor.ts); this model only shapes them.
 */

export type HeartView = 'average' | 'values';

/** The key of the average line. */
export const AVERAGE = 'average';

/** Line colours (each at least 3:1 on white) and dash patterns, so lines differ without colour too. */
const COLOURS = ['#1864ab', '#c2410c', '#2b8a3e', '#862e9c', '#0b7285', '#495057', '#a61e4d', '#5c940d'];
const DASHES = ['', '6 3', '2 3', '10 3 2 3', '4 4', '12 4', '1 3', '8 2 2 2'];

export interface HeartLine {
  /** AVERAGE or a value key. */
  key: string;
  name: string;
  colour: string;
  dash: string;
}

/** One line's figure at one touchpoint. */
export interface HeartFigure {
  mean: number | null;
  low: number | null;
  high: number | null;
  n: number;
  state: HeartCellState;
  peak: boolean;
  dip: boolean;
}

export interface HeartPoint {
  /** 1-based place in the journey. */
  step: number;
  touchpointId: string;
  name: string;
  channel: string;
  momentOfTruth: boolean;
  /** Per line key. */
  figures: Record<string, HeartFigure>;
}

/** A flat chart row: `step`, then per line its mean (null where not shown) and, for the average, its band. */
export type HeartChartRow = { step: number } & Record<string, number | [number, number] | null>;

const figureOf = (cell: HeartCell): HeartFigure => ({
  mean: cell.grade.mean,
  low: cell.grade.low,
  high: cell.grade.high,
  n: cell.grade.n,
  state: cell.state,
  peak: cell.peak,
  dip: cell.dip,
});

/** The lines of a view: the average alone, or every value of the monitor in its order. */
export function heartLines(
  monitor: Pick<HeartMonitor, 'values'>,
  view: HeartView,
  averageName: string,
  valueName: (key: string) => string,
): HeartLine[] {
  if (view === 'average') return [{ key: AVERAGE, name: averageName, colour: COLOURS[0], dash: '' }];
  return monitor.values.map((v, i) => ({
    key: v.key,
    name: valueName(v.key),
    colour: COLOURS[i % COLOURS.length],
    dash: DASHES[i % DASHES.length],
  }));
}

export function heartSeries(monitor: HeartMonitor): HeartPoint[] {
  return monitor.points.map((p, i) => ({
    step: i + 1,
    touchpointId: p.touchpointId,
    name: p.name,
    channel: p.channel,
    momentOfTruth: p.momentOfTruth,
    figures: {
      [AVERAGE]: figureOf(p),
      ...Object.fromEntries(p.values.map((v) => [v.valueKey, figureOf(v)])),
    },
  }));
}

/** The rows the chart draws: a figure below the anonymity minimum is a gap in its line. */
export function heartChartRows(points: HeartPoint[], lines: HeartLine[]): HeartChartRow[] {
  return points.map((p) => {
    const row: HeartChartRow = { step: p.step };
    for (const line of lines) {
      const f = p.figures[line.key];
      row[line.key] = f && f.state !== 'too_few' ? f.mean : null;
      if (line.key === AVERAGE)
        row.band = f && f.low !== null && f.high !== null && f.mean !== null ? [f.low, f.high] : null;
    }
    return row;
  });
}

/** What marks a figure, most important first: the words next to it in the chart and table. */
export function heartMarks(
  point: Pick<HeartPoint, 'momentOfTruth'>,
  figure?: Pick<HeartFigure, 'peak' | 'dip' | 'state'>,
) {
  return [
    ...(point.momentOfTruth ? (['momentOfTruth'] as const) : []),
    ...(figure?.peak ? (['peak'] as const) : []),
    ...(figure?.dip ? (['dip'] as const) : []),
    ...(figure?.state === 'provisional' ? (['provisional'] as const) : []),
  ];
}

/** Pixels per touchpoint: below this the names and labels of neighbouring steps would overlap. */
export const STEP_WIDTH = 96;

/** The chart's width: the container's, or wider (scrolling sideways) when the steps need the room. */
export function heartChartWidth(steps: number, available: number): number {
  return Math.max(available, steps * STEP_WIDTH + 60);
}

/** A touchpoint name in at most two lines of about `max` characters, the rest elided. */
export function stepLabelLines(name: string, max = 15): string[] {
  const words = name.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= max || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const clip = (s: string) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
  if (lines.length <= 2) return lines.map(clip);
  // More than two lines: the second takes the words that fit before an ellipsis.
  const rest = lines.slice(1).join(' ');
  let second = '';
  for (const word of rest.split(' ')) {
    const next = second ? `${second} ${word}` : word;
    if (next.length > max - 1) break;
    second = next;
  }
  return [clip(lines[0]), second ? `${second}…` : clip(rest)];
}
