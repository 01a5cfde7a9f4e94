import { heartCellState, type HeartCellState, type HeartMark, heartPeaksAndDips } from './heart-monitor';

/** "7.0" is reliable, "7.0?" provisional, "-" too few, "." empty. */
const line = (spec: string) =>
  spec.split(' ').map((s) => {
    if (s === '-') return { mean: null, state: 'too_few' as HeartCellState };
    if (s === '.') return { mean: null, state: 'empty' as HeartCellState };
    if (s.endsWith('?')) return { mean: Number(s.slice(0, -1)), state: 'provisional' as HeartCellState };
    return { mean: Number(s), state: 'reliable' as HeartCellState };
  });
const marks = (spec: string) =>
  spec.split(' ').map((s): HeartMark => (s === '^' ? 'peak' : s === 'v' ? 'dip' : null));

describe('heart cell state', () => {
  it.each([
    [0, 'empty'],
    [1, 'too_few'],
    [4, 'too_few'],
    [5, 'provisional'],
    [29, 'provisional'],
    [30, 'reliable'],
    [200, 'reliable'],
  ] as const)('%i answers with minimum 5 and reliability 30 → %s', (n, state) => {
    expect(heartCellState(n, 5, 30)).toBe(state);
  });

  it('is reliable from the minimum on when the reliability minimum is lower', () => {
    expect(heartCellState(5, 5, 3)).toBe('reliable');
    expect(heartCellState(4, 5, 3)).toBe('too_few');
  });
});

describe('peaks and dips', () => {
  it.each([
    ['a single point has nothing to compare with', '7.0', '_'],
    ['a rise and fall: the middle is a peak, the ends are below their one neighbour', '7.0 8.0 7.0', 'v ^ v'],
    ['a fall and rise: the middle is a dip', '8.0 6.5 8.0', '^ v ^'],
    ['exactly the margin counts', '7.0 7.3 7.0', 'v ^ v'],
    ['just under the margin does not', '7.0 7.29 7.0', '_ _ _'],
    ['higher than one neighbour only is no peak', '7.0 8.0 9.0', 'v _ ^'],
    ['the ends compare with their one neighbour', '9.0 7.0 6.0 8.0', '^ _ v ^'],
    ['a plateau has no peak', '7.0 8.0 8.0 7.0', 'v _ _ v'],
    ['touchpoints without a figure are skipped', '7.0 . 8.0 - 7.0', 'v _ ^ _ v'],
    ['a provisional point is never marked', '7.0 9.0? 7.0', '_ _ _'],
    ['a provisional point is never marked, even as a dip', '8.0 5.0? 8.0 7.0', '_ _ _ v'],
    ['nor used as a neighbour', '7.0 4.0? 7.5', 'v _ ^'],
    ['a zigzag alternates', '6.0 8.0 6.0 8.0 6.0', 'v ^ v ^ v'],
    ['nothing reliable, nothing marked', '7.0? - .', '_ _ _'],
  ])('%s: %s → %s', (_, spec, expected) => {
    expect(heartPeaksAndDips(line(spec))).toEqual(marks(expected));
  });

  it('takes another margin', () => {
    expect(heartPeaksAndDips(line('7.0 7.5 7.0'), 1)).toEqual(marks('_ _ _'));
    expect(heartPeaksAndDips(line('7.0 8.0 7.0'), 1)).toEqual(marks('v ^ v'));
  });
});
