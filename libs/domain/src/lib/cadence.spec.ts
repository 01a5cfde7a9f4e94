import fc from 'fast-check';
import { CronExpressionParser } from 'cron-parser';
import { cadenceProblem } from './cadence';

const HOUR = 3600_000;

/** One cron field: `*`, a value, a list, a range or a step, within [min, max]. */
const field = (min: number, max: number) =>
  fc.oneof(
    fc.constant('*'),
    fc.integer({ min, max }).map(String),
    fc.uniqueArray(fc.integer({ min, max }), { minLength: 2, maxLength: 4 }).map((v) => v.join(',')),
    fc
      .tuple(fc.integer({ min, max }), fc.integer({ min, max }))
      .map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc.integer({ min: 1, max: Math.max(1, max - min) }).map((s) => `*/${s}`),
  );
const fiveFields = fc
  .tuple(field(0, 59), field(0, 23), field(1, 28), field(1, 12), field(0, 6))
  .map((f) => f.join(' '));
/** Daily-ish patterns that run over a DST change, where real firings are 23 or 25 hours apart. */
const onceADay = fc
  .tuple(
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 23 }),
    field(1, 28),
    field(1, 12),
    field(0, 6),
  )
  .map((f) => f.join(' '));
const zones = fc.constantFrom(
  'Europe/Amsterdam',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
);
const starts = fc.constantFrom('2025-03-25T00:00:00Z', '2025-10-20T00:00:00Z', '2026-03-01T00:00:00Z');

/**
 * The smallest gap between consecutive real firings of a pattern in a zone, over a sample. The
 * sample ends where cron-parser itself gives up ("loop limit exceeded", seen at Lord Howe's
 * half-hour DST change): the gaps measured up to there must still hold.
 */
function smallestGap(cron: string, tz: string, from: string, count = 40): number {
  const firings = CronExpressionParser.parse(cron, { tz, currentDate: new Date(from) });
  const next = (): number | null => {
    try {
      return firings.next().getTime();
    } catch {
      return null;
    }
  };
  let previous = next();
  let smallest = Infinity;
  for (let i = 0; previous !== null && i < count && firings.hasNext(); i++) {
    const at = next();
    if (at === null) break;
    smallest = Math.min(smallest, at - previous);
    previous = at;
  }
  return smallest;
}

describe('cadence rule', () => {
  it('accepts the presets and ordinary daily, weekly and quarterly patterns', () => {
    for (const cron of [
      '0 9 * * 1#1',
      '0 9 * 1,4,7,10 1#1',
      '0 9 * * *',
      '30 2 * * *',
      '0 9 * * 1-5',
      '0 9 1 1 *',
    ])
      expect([cron, cadenceProblem(cron)]).toEqual([cron, null]);
  });

  it('names why a pattern is refused', () => {
    expect(cadenceProblem('* * * * * *')).toBe('seconds');
    expect(cadenceProblem('0 0 9 * * 1')).toBe('seconds');
    expect(cadenceProblem('*/5 * * * *')).toBe('tooFrequent');
    expect(cadenceProblem('0 9,21 * * *')).toBe('tooFrequent');
    // only on 29 February, twice: rare, but still twice a day
    expect(cadenceProblem('0 0,12 29 2 *')).toBe('tooFrequent');
    for (const bad of ['elke maandag', '0 25 * * *', '0 0 30 2 *', '@daily', '', '0 9 * *', 42, null])
      expect(cadenceProblem(bad)).toBe('pattern');
  });

  it('refuses every pattern with a seconds field (six fields)', () => {
    fc.assert(
      fc.property(field(0, 59), fiveFields, (seconds, rest) => {
        expect(cadenceProblem(`${seconds} ${rest}`)).toBe('seconds');
      }),
    );
  });

  it('accepts only patterns whose firings are at least 23 hours apart in every time zone, DST included', () => {
    fc.assert(
      fc.property(fc.oneof(fiveFields, onceADay), zones, starts, (cron, tz, from) => {
        if (cadenceProblem(cron) === null)
          expect(smallestGap(cron, tz, from)).toBeGreaterThanOrEqual(23 * HOUR);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses every pattern that fires twice within a day', () => {
    fc.assert(
      fc.property(fiveFields, (cron) => {
        if (smallestGap(cron, 'UTC', '2024-01-01T00:00:00Z', 5) < 24 * HOUR)
          expect(cadenceProblem(cron)).toBe('tooFrequent');
      }),
      { numRuns: 150 },
    );
  });
});
