import { ANONYMITY_FLOOR } from './anonymity';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface OrganisationSettings {
  locale: Locale;
  timeZone: string;
  anonymityMinimum: number;
  commentMinimum: number;
  contactQuarantineDays: number;
  /** Days contact data is kept after a wave closes; 0 deletes it at close. */
  contactRetentionDays: number;
  /** Customer answers below which an aggregate (grade, NPS, status) is provisional, not a verdict. */
  reliabilityMinimum: number;
}

export const SETTINGS_LIMITS = {
  anonymityMinimum: { min: ANONYMITY_FLOOR, max: 50 },
  commentMinimum: { min: ANONYMITY_FLOOR, max: 50 },
  contactQuarantineDays: { min: 0, max: 730 },
  contactRetentionDays: { min: 0, max: 365 },
  reliabilityMinimum: { min: 5, max: 1000 },
} as const;

/** True when `zone` is an IANA time zone this runtime knows (Intl is the source, not a hand list). */
export function isIanaTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}
