import { slugFrom } from './slug';

describe('slugFrom', () => {
  it.each([
    ['Woonstede Ede', 'woonstede-ede'],
    ['Café Één & Zo!', 'cafe-een-zo'],
    ['  --Vidomes--  ', 'vidomes'],
    ['日本', 'organisatie'],
    ['x'.repeat(80), 'x'.repeat(50)],
  ])('%s → %s', (name, slug) => expect(slugFrom(name)).toBe(slug));

  it('is always a valid address name (lowercase letters, digits, single hyphens inside, ≤ 50)', () => {
    const samples = ['A  B', 'ß-straße', 'Ünïcödé Org', '--', 'a'.repeat(49) + ' b', '0 0 0'];
    for (const name of samples) expect(slugFrom(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const name of samples) expect(slugFrom(name).length).toBeLessThanOrEqual(50);
  });
});
