import type { Locale } from '@wk/domain';

export const ORGANISATION_STATUSES = ['active', 'suspended'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

/** What the platform operator sees of an organisation: counts, never content. */
export interface OrganisationUsage {
  id: string;
  name: string;
  slug: string;
  status: OrganisationStatus;
  isDemo: boolean;
  createdAt: string;
  people: { active: number; invited: number; deactivated: number };
  admins: number;
  teams: number;
  cycles: number;
  surveys: number;
  /** Self-assessment rounds opened and customer responses received in the last 30 days. */
  roundsLast30Days: number;
  responsesLast30Days: number;
  mailsLast30Days: number;
  lastSignInAt: string | null;
}

export interface CreateOrganisationRequest {
  name: string;
  /** Made from the name when left out. */
  slug?: string;
  locale?: Locale;
  timeZone?: string;
  /** Invited by mail to choose a password. */
  admin?: { name: string; email: string };
}

export interface InviteAdminRequest {
  name: string;
  email: string;
}

export interface UpdateOrganisationStatusRequest {
  status: OrganisationStatus;
}

/** First-run setup: whether it is still needed (no organisation exists yet). */
export interface SetupState {
  needed: boolean;
}

export interface SetupRequest {
  /** The one-time token the api printed in its log. */
  token: string;
  organisation: { name: string; locale: Locale; timeZone: string };
  admin: { name: string; email: string; password: string };
}

/** The new admin's first steps, as a checklist on the home page. */
export interface SetupChecklist {
  values: boolean;
  people: boolean;
  cycle: boolean;
  survey: boolean;
}
