import type { MyRound } from '@wk/contracts';

export interface SeriesPoint {
  label: string;
  [valueKey: string]: number | string | null;
}

/** One chart point per round (oldest first) with my score per value key; values missing in a round stay null. */
export function scoreSeries(rounds: MyRound[], label: (round: MyRound) => string): SeriesPoint[] {
  return rounds.map((round) => {
    const point: SeriesPoint = { label: label(round) };
    for (const v of round.values) point[v.key] = v.myScore;
    return point;
  });
}

/** Every value that appears in any round, by key, with the newest name. */
export function valueLegend(rounds: MyRound[]): { key: string; nameNl: string; nameEn: string }[] {
  const byKey = new Map<string, { key: string; nameNl: string; nameEn: string }>();
  for (const round of rounds)
    for (const v of round.values) byKey.set(v.key, { key: v.key, nameNl: v.nameNl, nameEn: v.nameEn });
  return [...byKey.values()];
}
