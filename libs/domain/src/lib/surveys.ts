/**
 * Customer recognition surveys (docs/domain.md, "Customer recognition surveys"; docs/formulas.md, "Scales"): the channels a
 * touchpoint can be, the extra questions' ranges, and the defaults of a survey.
 */
export const TOUCHPOINT_CHANNELS = [
  'website',
  'phone',
  'desk',
  'email',
  'letter',
  'visit',
  'chat',
  'other',
] as const;
export type TouchpointChannel = (typeof TOUCHPOINT_CHANNELS)[number];

/** How a response reached us: a mailed single-use link (upload, schedule or API) or the open link / QR code. */
export const RESPONSE_CHANNELS = ['email', 'open'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

/** Where a wave's contacts came from. */
export const WAVE_KINDS = ['upload', 'scheduled', 'api'] as const;
export type WaveKind = (typeof WAVE_KINDS)[number];

export const NPS_MIN = 0;
export const NPS_MAX = 10;

export const SURVEY_DEFAULTS = {
  /** Days a mailed link stays open after its wave is sent. */
  windowDays: 14,
  /** The one reminder, this many days after the wave opened (only to who has not answered). */
  reminderAfterDays: 7,
  timeZone: 'Europe/Amsterdam',
} as const;

export const SURVEY_LIMITS = {
  nameLength: 120,
  introLength: 1000,
  commentLength: 2000,
  windowDaysMin: 1,
  windowDaysMax: 90,
  contactsPerUpload: 20_000,
  segmentNameLength: 80,
  descriptionLength: 2000,
  touchpointsPerJourney: 40,
  /** A wave's "you said, we did" line, per language. */
  youSaidLength: 300,
} as const;

/** A wave closes `windowDays` after it opened; its one reminder goes `reminderAfterDays` after opening, if still open. */
export function waveReminderAt(opensAt: Date, closesAt: Date, reminderAfterDays: number): Date | null {
  if (reminderAfterDays <= 0) return null;
  const at = new Date(opensAt.getTime() + reminderAfterDays * 24 * 3600 * 1000);
  return at < closesAt ? at : null;
}
