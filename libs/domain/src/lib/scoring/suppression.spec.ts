import {
  type Breakdown,
  groupVisibility,
  mayShowComments,
  suppressComplementaryComments,
  suppressComplementaryGroups,
} from './suppression';

describe('groupVisibility', () => {
  it.each([
    [4, undefined, 5, false, 'default minimum 5'],
    [5, undefined, 5, true, 'exactly the minimum is shown'],
    [3, 3, 3, true, 'an organisation may lower it to 3'],
    [2, 1, 3, false, 'never below the floor of 3'],
  ])(
    '%p respondents with setting %p: minimum %p, visible %p (%s)',
    (respondents, setting, minimum, visible, _why) => {
      expect(groupVisibility(respondents, setting)).toEqual({ respondents, minimum, visible });
    },
  );

  it('applies the comment minimum to comments', () => {
    expect(mayShowComments(4)).toBe(false); // default 5
    expect(mayShowComments(4, 3)).toBe(true);
    expect(mayShowComments(2, 2)).toBe(false); // floor 3
  });
});

/** Which children are hidden and why, compactly: "A:complementary,C:too_few". */
const hidden = (breakdown: Breakdown<string>, setting?: number) =>
  suppressComplementaryGroups(breakdown, setting)
    .children.filter((c) => !c.visible)
    .map((c) => `${c.id}:${c.reason}`)
    .join(',');

const children = (...ns: number[]) => ns.map((n, i) => ({ id: String.fromCharCode(65 + i), n }));

describe('suppressComplementaryGroups', () => {
  it.each([
    // parent n, children n, setting, hidden: why
    [20, [10, 10], undefined, '', 'all large, no remainder'],
    [
      20,
      [10, 6, 4],
      undefined,
      'B:complementary,C:too_few',
      'one small child alone would be 20 - 16: hide the next smallest',
    ],
    [
      20,
      [8, 8, 2, 2],
      undefined,
      'A:complementary,C:too_few,D:too_few',
      'two small children sum to 4 < 5; tie on 8 → first',
    ],
    [20, [14, 3, 3], undefined, 'B:too_few,C:too_few', 'two small children together reach 6 >= 5: enough'],
    [21, [10, 6, 4], undefined, 'C:too_few', 'one small child (4) plus a remainder of 1 reach 5'],
    [30, [10, 10, 3], undefined, 'C:too_few', 'remainder of 7 is itself >= 5'],
    [22, [10, 10], undefined, 'A:complementary', 'no small child, but a remainder of 2 would be 22 - 20'],
    [9, [5, 4], undefined, 'A:complementary,B:too_few', 'the only other child goes too: breakdown hidden'],
    [10, [10, 0], undefined, 'B:too_few', 'an empty child reveals nothing, nothing more to hide'],
    [10, [3, 3, 2, 2], 3, 'C:too_few,D:too_few', 'minimum 3: 2 + 2 = 4 >= 3'],
    [10, [3, 3, 2, 2], 1, 'C:too_few,D:too_few', 'a setting of 1 is clamped to the floor of 3'],
    [
      10,
      [4, 4, 2],
      3,
      'A:complementary,C:too_few',
      'minimum 3: 2 alone < 3; A and B tie on 4, the first goes',
    ],
  ])('parent %p, children %j, setting %p → hide "%s" (%s)', (n, ns, setting, expected, _why) => {
    expect(hidden({ n, children: children(...ns) }, setting)).toBe(expected);
  });

  it('hides the whole breakdown when the parent is below the minimum', () => {
    const r = suppressComplementaryGroups({ n: 4, children: children(2, 2) });
    expect(r.parentVisible).toBe(false);
    expect(r.children.map((c) => c.reason)).toEqual(['parent_hidden', 'parent_hidden']);
  });

  it('reports minimum, remainder and residual and keeps the input order', () => {
    expect(suppressComplementaryGroups({ n: 21, children: children(10, 6, 4) })).toEqual({
      minimum: 5,
      parentVisible: true,
      remainder: 1,
      residual: 5, // C (4) + remainder (1): what parent - A - B reveals
      children: [
        { id: 'A', n: 10, visible: true, reason: null },
        { id: 'B', n: 6, visible: true, reason: null },
        { id: 'C', n: 4, visible: false, reason: 'too_few' },
      ],
    });
  });

  it('never leaves a derivable group between 1 and minimum - 1 (every split of up to 12 into 3 children)', () => {
    for (let parent = 0; parent <= 12; parent++) {
      for (let a = 0; a <= parent; a++) {
        for (let b = 0; a + b <= parent; b++) {
          for (let c = 0; a + b + c <= parent; c++) {
            const r = suppressComplementaryGroups({ n: parent, children: children(a, b, c) });
            const derivable = parent - r.children.filter((x) => x.visible).reduce((s, x) => s + x.n, 0);
            if (r.parentVisible) expect(derivable === 0 || derivable >= 5).toBe(true);
            expect(r.children.every((x) => !x.visible || x.n >= 5)).toBe(true);
          }
        }
      }
    }
  });

  it('rejects children that hold more respondents than the parent', () => {
    expect(() => suppressComplementaryGroups({ n: 5, children: children(3, 3) })).toThrow(RangeError);
    expect(() => suppressComplementaryGroups({ n: 5, children: children(-1) })).toThrow(RangeError);
  });
});

describe('suppressComplementaryComments', () => {
  it('applies the same rule with the comment minimum', () => {
    // comment minimum 8: B (7) is too few; 7 alone < 8, so A goes too
    const r = suppressComplementaryComments({ n: 20, children: children(13, 7) }, 8);
    expect(r.minimum).toBe(8);
    expect(r.children.map((c) => c.reason)).toEqual(['complementary', 'too_few']);
    // default comment minimum 5: B (7) is shown
    expect(
      suppressComplementaryComments({ n: 20, children: children(13, 7) }).children.every((c) => c.visible),
    ).toBe(true);
  });
});
