import type { HeartCell, HeartMonitor, HeartMonitorPoint, KpiValueInfo } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import {
  AVERAGE,
  heartChartRows,
  heartChartWidth,
  heartLines,
  heartMarks,
  heartSeries,
  STEP_WIDTH,
  stepLabelLines,
} from './heart-model';
import { heartTable } from './heart-table';

const t = i18n.getFixedT('nl');

const cell = (mean: number | null, over: Partial<HeartCell> = {}): HeartCell => ({
  grade: { n: 40, mean, low: mean === null ? null : mean - 0.5, high: mean === null ? null : mean + 0.5 },
  state: 'reliable',
  peak: false,
  dip: false,
  ...over,
});

const point = (
  id: string,
  average: HeartCell,
  values: [HeartCell, HeartCell],
  momentOfTruth = false,
): HeartMonitorPoint => ({
  touchpointId: id,
  name: `Stap ${id}`,
  channel: 'phone',
  momentOfTruth,
  ...average,
  values: [
    { valueKey: 'betrouwbaar', ...values[0] },
    { valueKey: 'persoonlijk', ...values[1] },
  ],
});

const value = (key: string, name: string): KpiValueInfo => ({
  key,
  name,
  nameEn: name,
  level: 'basis',
  target: 7.5,
});

const monitor: HeartMonitor = {
  journeyId: 'j1',
  name: 'Reparatie melden',
  period: '2026-Q2',
  minimum: 5,
  reliabilityMinimum: 30,
  values: [value('betrouwbaar', 'Betrouwbaar'), value('persoonlijk', 'Persoonlijk')],
  points: [
    point('1', cell(7), [cell(7.2, { dip: true }), cell(6.8)]),
    point(
      '2',
      cell(8.2, { peak: true, grade: { n: 40, mean: 8.2, low: 7.5, high: 8.9 } }),
      [cell(8, { peak: true }), cell(8.4, { peak: true })],
      true,
    ),
    point('3', cell(6.5, { state: 'provisional', grade: { n: 12, mean: 6.5, low: 5.9, high: 7.1 } }), [
      cell(6, { state: 'provisional' }),
      cell(null, { state: 'too_few', grade: { n: 3, mean: null, low: null, high: null } }),
    ]),
  ],
};

const names = (key: string) => monitor.values.find((v) => v.key === key)!.name;

describe('heart monitor lines', () => {
  it.each([
    ['average', [AVERAGE]],
    ['values', ['betrouwbaar', 'persoonlijk']],
  ] as const)('the %s view draws the lines %j', (view, keys) => {
    const lines = heartLines(monitor, view, 'Gemiddeld', names);
    expect(lines.map((l) => l.key)).toEqual(keys);
    // Every line its own colour and dash pattern: they differ without colour too.
    expect(new Set(lines.map((l) => l.colour)).size).toBe(lines.length);
    expect(new Set(lines.map((l) => l.dash)).size).toBe(lines.length);
  });

  it('keeps journey order, numbers the steps and carries each line its own marks', () => {
    const series = heartSeries(monitor);
    expect(series.map((p) => p.step)).toEqual([1, 2, 3]);
    expect(series[0].figures.betrouwbaar).toMatchObject({ mean: 7.2, dip: true, peak: false });
    expect(series[0].figures[AVERAGE]).toMatchObject({ mean: 7, dip: false, peak: false });
    expect(series[1].figures[AVERAGE]).toMatchObject({ mean: 8.2, peak: true, low: 7.5, high: 8.9 });
    expect(series[2].figures.persoonlijk).toMatchObject({ mean: null, state: 'too_few', n: 3 });
  });

  it.each([
    ['average', { step: 3, [AVERAGE]: 6.5, band: [5.9, 7.1] }],
    ['values', { step: 3, betrouwbaar: 6, persoonlijk: null }],
  ] as const)('the %s chart rows: a hidden figure is a gap, a provisional one is drawn', (view, row) => {
    const rows = heartChartRows(heartSeries(monitor), heartLines(monitor, view, 'Gemiddeld', names));
    expect(rows[2]).toEqual(row);
  });
});

describe('heart monitor marks', () => {
  it.each([
    [{ momentOfTruth: true }, { peak: true, dip: false, state: 'reliable' }, ['momentOfTruth', 'peak']],
    [{ momentOfTruth: false }, { peak: false, dip: true, state: 'reliable' }, ['dip']],
    [{ momentOfTruth: false }, { peak: false, dip: false, state: 'provisional' }, ['provisional']],
    [{ momentOfTruth: true }, undefined, ['momentOfTruth']],
    [{ momentOfTruth: false }, { peak: false, dip: false, state: 'reliable' }, []],
  ] as const)('%j with %j → %j', (p, figure, expected) => {
    expect(heartMarks(p, figure)).toEqual(expected);
  });
});

describe('heart monitor on a phone', () => {
  it.each([
    [3, 390, 390],
    [5, 390, 5 * STEP_WIDTH + 60],
    [5, 1200, 1200],
  ])('%i steps in %i px: the chart is %i px wide (scrolling when wider)', (steps, available, width) => {
    expect(heartChartWidth(steps, available)).toBe(width);
  });

  it.each([
    ['Website', ['Website']],
    ['Reparatie melden op de website', ['Reparatie', 'melden op de…']],
    ['Bevestiging van de afspraak', ['Bevestiging van', 'de afspraak']],
    ['Klanttevredenheidsonderzoek', ['Klanttevredenh…']],
    ['Afspraak maken voor een monteur aan huis', ['Afspraak maken', 'voor een…']],
    ['Monteur aan huis', ['Monteur aan', 'huis']],
  ])('%s is written in at most two short lines: %j', (name, lines) => {
    const result = stepLabelLines(name);
    expect(result).toEqual(lines);
    expect(result.every((l) => l.length <= 15)).toBe(true);
  });
});

describe('heart monitor table', () => {
  it('follows the average view: a row per touchpoint with its marks in words', () => {
    const spec = heartTable(heartSeries(monitor), heartLines(monitor, 'average', 'Gemiddeld', names), t, 5);
    expect(spec.columns.map((c) => c.key)).toEqual([
      'touchpoint',
      'step',
      'channel',
      'marks',
      'grade',
      'gradeCi',
      'answers',
    ]);
    expect(spec.rows[1]).toMatchObject({ marks: 'moment van de waarheid, piek', grade: 8.2 });
    expect(spec.rows[2]).toMatchObject({ marks: 'voorlopig', grade: 6.5, answers: 12 });
  });

  it('follows the per-value view: a row per touchpoint and value, too few never as a number', () => {
    const spec = heartTable(heartSeries(monitor), heartLines(monitor, 'values', 'Gemiddeld', names), t, 5);
    expect(spec.rows).toHaveLength(6);
    expect(spec.rows[0]).toMatchObject({
      touchpoint: 'Stap 1',
      value: 'Betrouwbaar',
      marks: 'dal',
      grade: 7.2,
    });
    expect(spec.rows[5]).toMatchObject({
      touchpoint: 'Stap 3',
      value: 'Persoonlijk',
      grade: 'te weinig antwoorden (minder dan 5)',
      gradeCi: null,
    });
  });
});
