import type { HomeBelowTarget } from '@wk/contracts';
import { describe, expect, it } from 'vitest';
import { belowTargetState, formatDay, formatRate, formWaiting, showsReviews } from './home-model';
import { homeOverview } from './home-fixtures';

const below = (over: Partial<HomeBelowTarget>): HomeBelowTarget => ({
  period: '2026-Q3',
  reliabilityMinimum: 30,
  measured: 0,
  provisional: 0,
  values: [],
  ...over,
});

const form = (completedAt: string | null) => ({
  roundId: 'r',
  cycleName: 'Voorjaar',
  closesAt: '2026-12-18T09:00:00Z',
  completedAt,
  formPath: '/self-assessment/x',
});

describe('home model', () => {
  it.each([
    ['2026-12-04', 'nl', '4 dec 2026'],
    ['2026-01-31', 'en', '31 Jan 2026'],
  ])('formats the day %s in %s as %s, whatever the time zone', (day, lang, expected) => {
    expect(formatDay(day, lang)).toBe(expected);
  });

  it.each([
    [0.25, 'nl', '25%'],
    [3 / 7, 'en', '43%'],
    [null, 'nl', '–'],
  ])('formats the rate %s (%s) as %s', (rate, lang, expected) => {
    expect(formatRate(rate, lang)).toBe(expected);
  });

  it.each([
    [below({}), 'noData'],
    [below({ provisional: 2 }), 'noData'],
    [below({ measured: 2 }), 'none'],
    [
      below({
        measured: 2,
        values: [
          {
            key: 'b',
            name: 'B',
            nameEn: 'B',
            level: 'basis',
            grade: 6,
            target: 7.5,
            n: 40,
            status: 'below',
          },
        ],
      }),
      'list',
    ],
  ])('says what the values-below-target card shows (%#)', (b, expected) => {
    expect(belowTargetState(b)).toBe(expected);
  });

  it.each([
    [homeOverview({ reviews: null }), false],
    [homeOverview({ role: 'manager', reviews: [] }), true],
    [homeOverview({ role: 'hr', reviews: [] }), false],
    [
      homeOverview({
        role: 'hr',
        reviews: [
          {
            id: 'a',
            cycleName: 'C',
            stage: 'manager_review',
            dueDate: null,
            overdue: false,
            employeeName: 'E',
            teamName: null,
          },
        ],
      }),
      true,
    ],
  ])('shows the reviews card for managers always, for HR only with reviews (%#)', (h, expected) => {
    expect(showsReviews(h)).toBe(expected);
  });

  it('knows when a form still waits for an answer', () => {
    expect(formWaiting(homeOverview({}))).toBe(false);
    expect(
      formWaiting(homeOverview({ selfAssessments: { open: [form('2026-12-01T10:00:00Z')], last: null } })),
    ).toBe(false);
    expect(formWaiting(homeOverview({ selfAssessments: { open: [form(null)], last: null } }))).toBe(true);
  });
});
