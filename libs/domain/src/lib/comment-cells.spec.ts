import { releasedCommentCells } from './comment-cells';

const cells = (group: string, sizes: Record<string, number>) =>
  Object.entries(sizes).map(([cell, responses]) => ({ group, cell, responses }));

describe('releasedCommentCells', () => {
  it.each([
    ['one cell at the minimum', { a: 5 }, ['a']],
    ['one cell below the minimum', { a: 4 }, []],
    ['a small cell hides the smallest large one too', { a: 9, b: 6, c: 1 }, ['a']],
    ['two small cells that add up to the minimum hide nothing else', { a: 9, b: 3, c: 2 }, ['a']],
    ['a small cell with only one large one hides both', { a: 8, c: 2 }, []],
    ['no small cell: all shown', { a: 5, b: 7 }, ['a', 'b']],
    ['ties: the alphabetically first of the smallest goes', { a: 6, b: 6, c: 6, d: 1 }, ['b', 'c']],
  ])('%s', (_name, sizes, expected) => {
    const released = releasedCommentCells(cells('w1', sizes), 5);
    expect([...released].map((k) => k.split('|')[1]).sort()).toEqual(expected);
  });

  it('decides each group on its own', () => {
    const released = releasedCommentCells([...cells('w1', { a: 5 }), ...cells('w2', { a: 4 })], 5);
    expect([...released]).toEqual(['w1|a']);
  });

  it('never leaves 1 to minimum − 1 responses hidden next to released cells', () => {
    for (let seed = 1; seed < 300; seed++) {
      const sizes: Record<string, number> = {};
      for (let i = 0; i < 1 + (seed % 5); i++) sizes[`c${i}`] = ((seed * (i + 7) * 31) % 12) + 1;
      const released = releasedCommentCells(cells('w', sizes), 5);
      const hidden = Object.entries(sizes)
        .filter(([c]) => !released.has(`w|${c}`))
        .reduce((s, [, n]) => s + n, 0);
      if (released.size) expect(hidden === 0 || hidden >= 5).toBe(true);
    }
  });
});
