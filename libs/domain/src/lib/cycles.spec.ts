import { CYCLE_DEFAULTS, reminderTimes, roundClosesAt } from './cycles';

const at = (iso: string) => new Date(iso);

describe('cycle timing', () => {
  const opens = at('2026-01-05T08:00:00Z');

  it('closes the default window after 14 days', () => {
    expect(roundClosesAt(opens, CYCLE_DEFAULTS.windowDays)).toEqual(at('2026-01-19T08:00:00Z'));
  });

  it('reminds on day 7 and the day before the deadline by default (docs/domain.md)', () => {
    const closes = roundClosesAt(opens, 14);
    expect(reminderTimes(opens, closes, CYCLE_DEFAULTS.reminderDays, true)).toEqual([
      at('2026-01-12T08:00:00Z'),
      at('2026-01-18T08:00:00Z'),
    ]);
  });

  it('drops reminders outside the window and duplicates, and sorts them', () => {
    const closes = roundClosesAt(opens, 7);
    // day 6 is also "the day before the deadline"; day 9 is after closing; day 0 is the opening itself
    expect(reminderTimes(opens, closes, [9, 6, 0], true)).toEqual([at('2026-01-11T08:00:00Z')]);
    expect(reminderTimes(opens, roundClosesAt(opens, 1), [], true)).toEqual([]);
  });
});
