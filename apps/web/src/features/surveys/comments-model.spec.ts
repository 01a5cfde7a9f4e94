import { describe, expect, it } from 'vitest';
import { commentsQuery, parsePeriod, periodChoices, withFilter } from './comments-model';

describe('comments page model', () => {
  it.each([
    ['quarter:2026-Q4', { period: 'quarter', at: '2026-Q4' }],
    ['month:2026-11', { period: 'month', at: '2026-11' }],
    ['month:2026-Q4', null],
    ['quarter:2026-13', null],
    ['week:2026-11', null],
    ['', null],
    [null, null],
  ])('reads the period %s', (value, expected) => {
    expect(parsePeriod(value)).toEqual(expected);
  });

  it('turns the address into the api query, leaving out empty and broken filters', () => {
    const params = new URLSearchParams('survey=s1&journey=&value=betrouwbaar&period=month:nope&q=+parkeren+');
    expect(commentsQuery(params)).toEqual({
      surveyId: 's1',
      journeyId: undefined,
      touchpointId: undefined,
      valueKey: 'betrouwbaar',
      q: 'parkeren',
    });
    expect(commentsQuery(new URLSearchParams('period=quarter:2026-Q1'))).toMatchObject({
      period: 'quarter',
      at: '2026-Q1',
    });
  });

  it('offers the last 8 quarters and 12 months, newest first, across a year', () => {
    const [quarters, months] = periodChoices('2026-02');
    expect(quarters).toEqual({
      kind: 'quarter',
      keys: ['2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1', '2024-Q4', '2024-Q3', '2024-Q2'],
    });
    expect(months.keys.slice(0, 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(months.keys).toHaveLength(12);
    expect(months.keys[11]).toBe('2025-03');
  });

  it('changes one filter; another journey drops the touchpoint', () => {
    const params = new URLSearchParams('journey=j1&touchpoint=t1&q=x');
    expect(withFilter(params, 'q', null).toString()).toBe('journey=j1&touchpoint=t1');
    expect(withFilter(params, 'journey', 'j2').toString()).toBe('journey=j2&q=x');
    expect(withFilter(params, 'value', 'persoonlijk').get('value')).toBe('persoonlijk');
  });
});
