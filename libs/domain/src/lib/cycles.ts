/**
 * Self-assessment cycles (docs/domain.md, "Self-assessments"): cadence presets, the answer window and
 * when reminders go. Pure: the api schedules with it, the web offers the same presets.
 */

/** Friendly cadences as cron patterns (minute hour day-of-month month day-of-week; `1#1` = first Monday). */
export const CADENCE_PRESETS = {
  monthly: '0 9 * * 1#1',
  quarterly: '0 9 * 1,4,7,10 1#1',
  halfYearly: '0 9 * 1,7 1#1',
} as const;
export type CadencePreset = keyof typeof CADENCE_PRESETS;

export const CYCLE_DEFAULTS = {
  windowDays: 14,
  /** Days after opening on which non-completers are reminded. */
  reminderDays: [7] as number[],
  remindDayBeforeDeadline: true,
  timeZone: 'Europe/Amsterdam',
  cron: CADENCE_PRESETS.quarterly,
};

export const CYCLE_LIMITS = { windowDaysMin: 1, windowDaysMax: 90, nameLength: 120 } as const;

const DAY_MS = 24 * 3600 * 1000;

/** When a round opened at `opensAt` closes. */
export function roundClosesAt(opensAt: Date, windowDays: number): Date {
  return new Date(opensAt.getTime() + windowDays * DAY_MS);
}

/**
 * The moments reminders go for a round: each reminder day after opening and the day before the
 * deadline, only those strictly inside the window, earliest first, without duplicates.
 */
export function reminderTimes(
  opensAt: Date,
  closesAt: Date,
  reminderDays: number[],
  remindDayBeforeDeadline: boolean,
): Date[] {
  const times = reminderDays.map((d) => opensAt.getTime() + d * DAY_MS);
  if (remindDayBeforeDeadline) times.push(closesAt.getTime() - DAY_MS);
  return [...new Set(times)]
    .filter((t) => t > opensAt.getTime() && t < closesAt.getTime())
    .sort((a, b) => a - b)
    .map((t) => new Date(t));
}
