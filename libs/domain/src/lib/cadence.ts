import { CronExpressionParser } from 'cron-parser';

/**
 * The cadence rule for everything scheduled by cron (self-assessment cycles, survey waves): five
 * fields (no seconds) and at most one firing a day. Firings are sampled in UTC, where every day has
 * 24 hours, so "≥ 24 h apart" there means "≥ 23 h apart" in any real time zone, DST included.
 */
export const CADENCE_MIN_GAP_HOURS = 24;
/** Enough firings to see two on one day: a pattern that fires twice a day does so on its first day. */
const SAMPLE = 24;
const SAMPLE_FROM = new Date('2024-01-01T00:00:00Z');

export type CadenceProblem = 'pattern' | 'seconds' | 'tooFrequent';

/** Why a cron pattern may not be a cadence, or null when it may. */
export function cadenceProblem(cron: unknown): CadenceProblem | null {
  if (typeof cron !== 'string') return 'pattern';
  const fields = cron.trim().split(/\s+/);
  if (fields.length === 6 || fields.length === 7) return 'seconds';
  if (fields.length !== 5) return 'pattern';
  let previous: number | null = null;
  try {
    const firings = CronExpressionParser.parse(cron, { tz: 'UTC', currentDate: SAMPLE_FROM });
    for (let i = 0; i < SAMPLE && firings.hasNext(); i++) {
      const at = firings.next().getTime();
      if (previous !== null && at - previous < CADENCE_MIN_GAP_HOURS * 3600_000) return 'tooFrequent';
      previous = at;
    }
  } catch {
    return 'pattern';
  }
  return previous === null ? 'pattern' : null;
}

export const CADENCE_MESSAGES: Record<CadenceProblem, string> = {
  pattern:
    'must be a cron pattern of five fields such as "0 9 * 1,4,7,10 1#1" (first Monday of each quarter, 09:00)',
  seconds: 'must have five fields (minute hour day month weekday); a seconds field is not allowed',
  tooFrequent: 'may fire at most once a day',
};
