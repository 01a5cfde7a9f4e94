import fc from 'fast-check';
import { revealsNestedGroup, suppressionPattern, type PatternNode } from './suppression';

describe('suppressionPattern', () => {
  // The example: Vastgoed 11 = Onderhoud 7 + Projecten 4.
  const teams: PatternNode[] = [
    { id: 'vastgoed', parentId: null },
    { id: 'onderhoud', parentId: 'vastgoed' },
    { id: 'projecten', parentId: 'vastgoed' },
    { id: 'klant', parentId: null },
  ];
  const n: Record<string, number> = { org: 31, vastgoed: 11, onderhoud: 7, projecten: 4, klant: 20 };
  it('hides a team whose parent minus it would leave a small group', () => {
    const pattern = suppressionPattern(teams, (id) => n[id ?? 'org'], 5);
    expect(pattern.get(null)).toBeNull();
    expect(pattern.get('vastgoed')).toBeNull();
    expect(pattern.get('projecten')).toBe('too_few');
    expect(pattern.get('onderhoud')).toBe('complementary');
  });
  it('hides the subtree of a hidden team, and the organisation below the minimum', () => {
    const pattern = suppressionPattern(teams, (id) => n[id ?? 'org'], 5, new Set(['vastgoed']));
    expect(pattern.get('vastgoed')).toBe('complementary');
    expect(pattern.get('onderhoud')).toBe('parent_hidden');
    expect(suppressionPattern(teams, () => 4, 5).get(null)).toBe('too_few');
  });
  it('leaves every published cell minus its published children at 0 or the minimum or more', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(9), { minLength: 6, maxLength: 6 }), fc.nat(2), (own, extra) => {
        // org <- a, b; a <- c, d; b <- e; own[5] people directly in the organisation.
        const tree: PatternNode[] = [
          { id: 'a', parentId: null },
          { id: 'b', parentId: null },
          { id: 'c', parentId: 'a' },
          { id: 'd', parentId: 'a' },
          { id: 'e', parentId: 'b' },
        ];
        const sub = (id: string | null): number => {
          if (id === null) return own[5] + sub('a') + sub('b');
          if (id === 'a') return own[0] + sub('c') + sub('d');
          if (id === 'b') return own[1] + sub('e');
          return own[{ c: 2, d: 3, e: 4 }[id as 'c' | 'd' | 'e']];
        };
        const minimum = 3 + extra;
        const pattern = suppressionPattern(tree, sub, minimum);
        for (const node of [null, ...tree.map((t) => t.id)]) {
          if (pattern.get(node) !== null) continue;
          const rest =
            sub(node) -
            tree
              .filter((t) => t.parentId === node && pattern.get(t.id) === null)
              .reduce((s, t) => s + sub(t.id), 0);
          expect(rest === 0 || rest >= minimum).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('revealsNestedGroup', () => {
  const set = (...ids: number[]) => new Set(ids.map(String));
  it('flags a pooled cell one finer cell leaves a small group of', () => {
    expect(revealsNestedGroup(set(1, 2, 3, 4, 5, 6, 7, 8), [set(1, 2, 3, 4, 5)], 5)).toBe(true);
    expect(revealsNestedGroup(set(1, 2, 3, 4, 5), [set(1, 2, 3, 4, 5)], 5)).toBe(false);
    expect(revealsNestedGroup(set(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), [set(1, 2, 3, 4, 5)], 5)).toBe(false);
  });
  it('flags what all finer cells together leave', () => {
    expect(
      revealsNestedGroup(
        set(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
        [set(1, 2, 3, 4, 5), set(6, 7, 8, 9, 10)],
        5,
      ),
    ).toBe(true);
  });
});
