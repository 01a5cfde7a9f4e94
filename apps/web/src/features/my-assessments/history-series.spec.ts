import type { MyRound } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { scoreSeries, valueLegend } from './history-series';

const round = (id: string, values: [string, number | null][]): MyRound => ({
  roundId: id,
  cycleName: 'Meting',
  opensAt: '2026-01-05T08:00:00Z',
  closesAt: '2026-01-19T08:00:00Z',
  closed: true,
  completedAt: null,
  formPath: null,
  values: values.map(([key, myScore]) => ({
    key,
    nameNl: key.toUpperCase(),
    nameEn: '',
    myScore,
    teamAverage: null,
    teamRespondents: 0,
  })),
  answers: [],
});

describe('history series', () => {
  it('makes one point per round with a score per value key, following keys across versions', () => {
    const rounds = [
      round('r1', [
        ['samen', 3],
        ['dichtbij', null],
      ]),
      round('r2', [
        ['samen', 3.5],
        ['nieuw', 2],
      ]),
    ];
    expect(scoreSeries(rounds, (r) => r.roundId)).toEqual([
      { label: 'r1', samen: 3, dichtbij: null },
      { label: 'r2', samen: 3.5, nieuw: 2 },
    ]);
    expect(valueLegend(rounds).map((v) => v.key)).toEqual(['samen', 'dichtbij', 'nieuw']);
  });
});
