import type { Locale, ResponseChannel, TouchpointChannel, WaveFunnelCounts, WaveKind } from '@wk/domain';
import type { IssuedCredential } from './auth';
import type { FieldError } from './errors';

// ---------------------------------------------------------------------------------------------
// Customer context (HR): segments / profiles, journeys with ordered touchpoints, serving teams.
// ---------------------------------------------------------------------------------------------

export interface Segment {
  id: string;
  name: string;
  /** Optional English name; null shows the Dutch name (libs/domain localized). */
  nameEn: string | null;
  description: string;
  /** Optional persona story that gives the segment a face. */
  persona: string;
  createdAt: string;
}

export interface SegmentRequest {
  name: string;
  nameEn?: string | null;
  description?: string;
  persona?: string;
}

export interface Touchpoint {
  id: string;
  /** 0-based place in the journey. */
  position: number;
  name: string;
  nameEn: string | null;
  channel: TouchpointChannel;
  momentOfTruth: boolean;
  /** Teams that serve this touchpoint. */
  teamIds: string[];
}

export interface Journey {
  id: string;
  name: string;
  nameEn: string | null;
  description: string;
  /** The customer profile this journey is drawn for (optional). */
  segmentId: string | null;
  /** Teams that serve the journey as a whole. */
  teamIds: string[];
  touchpoints: Touchpoint[];
  createdAt: string;
}

/** A touchpoint with an id keeps it (and its answers); one without is new; one left out is removed. */
export interface TouchpointRequest {
  id?: string;
  name: string;
  nameEn?: string | null;
  channel: TouchpointChannel;
  momentOfTruth?: boolean;
  teamIds?: string[];
}

/** The whole journey at once (create and replace), touchpoints in journey order. */
export interface JourneyRequest {
  name: string;
  nameEn?: string | null;
  description?: string;
  segmentId?: string | null;
  teamIds?: string[];
  touchpoints: TouchpointRequest[];
}

// ---------------------------------------------------------------------------------------------
// Surveys, waves and contacts (HR)
// ---------------------------------------------------------------------------------------------

export type SurveyStatus = 'active' | 'closed';

/** What a survey (and every response to it) is about; each part optional. */
export interface SurveyContext {
  journeyId: string | null;
  touchpointId: string | null;
  segmentId: string | null;
  teamId: string | null;
}

export interface SurveySchedule {
  /** Cron pattern; each firing sends a wave to the contacts uploaded since the last one. */
  cron: string;
  timeZone: string;
}

export interface Survey extends SurveyContext {
  id: string;
  /** Internal name for HR. */
  name: string;
  valuesVersionId: string;
  valuesVersionNumber: number;
  /** Shown to customers; empty falls back to the organisation's name. */
  titleNl: string;
  titleEn: string;
  introNl: string;
  introEn: string;
  askOverallGrade: boolean;
  askNps: boolean;
  askComment: boolean;
  opensAt: string;
  /** After this moment no link accepts answers; null: open until HR closes the survey. */
  closesAt: string | null;
  /** Days a mailed link stays open after its wave is sent. */
  windowDays: number;
  /** The one reminder, this many days after a wave opened; 0: none. */
  reminderAfterDays: number;
  schedule: SurveySchedule | null;
  /** When the schedule sends its next wave (null without an active schedule). */
  nextWaveAt: string | null;
  status: SurveyStatus;
  openLinkEnabled: boolean;
  /** The open link (for a desk, a letter, a QR code); null when disabled. */
  openLink: string | null;
  /** Contacts uploaded and waiting for the next wave. */
  pendingContacts: number;
  responses: number;
  /** Of the responses, those through the open link / QR code: they belong to no wave's funnel. */
  openLinkResponses: number;
  createdAt: string;
}

export interface CreateSurveyRequest {
  name: string;
  /** A published values version; its values are the questions. */
  valuesVersionId: string;
  journeyId?: string | null;
  touchpointId?: string | null;
  segmentId?: string | null;
  teamId?: string | null;
  titleNl?: string;
  titleEn?: string;
  introNl?: string;
  introEn?: string;
  askOverallGrade?: boolean;
  askNps?: boolean;
  askComment?: boolean;
  opensAt?: string;
  closesAt?: string | null;
  windowDays?: number;
  reminderAfterDays?: number;
  schedule?: SurveySchedule | null;
  openLinkEnabled?: boolean;
}

export type UpdateSurveyRequest = Partial<CreateSurveyRequest>;

export type ContactRowStatus = 'new' | 'quarantined' | 'duplicate' | 'error';

/** One line of an uploaded contact list, as the preview shows it. */
export interface ContactRow {
  line: number;
  email: string;
  segment: string | null;
  team: string | null;
  /** From an optional journey / klantreis column. */
  journey: string | null;
  /** From an optional touchpoint / contactmoment column; it overrides the survey's touchpoint. */
  touchpoint: string | null;
  locale: Locale | null;
  status: ContactRowStatus;
  errors: FieldError[];
}

export interface ContactPreview {
  rows: ContactRow[];
  new: number;
  /** Asked within the organisation's quarantine: left out, never stored. */
  quarantined: number;
  duplicates: number;
  errors: number;
}

export interface ContactUploadResult {
  /** Contacts stored for the next wave. */
  added: number;
  quarantined: number;
  duplicates: number;
  /** The wave sent at once (upload with `send=true`), else null. */
  wave: Wave | null;
}

/**
 * A wave with its funnel (`WaveFunnelCounts`, libs/domain wave-funnel.ts): invited → sent or held
 * (`sent + held`) → opened → answered, each stage a subset of the one before. It counts
 * invitations, never open-link answers.
 */
export interface Wave extends WaveFunnelCounts {
  id: string;
  surveyId: string;
  kind: WaveKind;
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  reminderSentAt: string | null;
  /** When the wave's contact data was deleted (null while kept). */
  contactsDeletedAt: string | null;
  /** Contacts left out because they were asked within the quarantine. */
  skipped: number;
  /** answered / invited, 0-1; null without invitations. */
  responseRate: number | null;
  /** "You said, we did": what changed since last time, shown above the questions (null: no line). */
  youSaidNl: string | null;
  youSaidEn: string | null;
}

/** The you-said line of a wave, set when sending it or later (empty or null: no line). */
export interface WaveYouSaidRequest {
  youSaidNl?: string | null;
  youSaidEn?: string | null;
}

export interface SurveyComment {
  text: string;
  submittedAt: string;
  /** The wave id, or "open" for the open link. */
  group: string;
}

/** The latest comments, only from groups with at least the organisation's comment minimum of responses. */
export interface SurveyComments {
  minimum: number;
  comments: SurveyComment[];
  withheld: { group: string; responses: number }[];
}

/** A name in Dutch with its optional English name (show it with libs/domain `localized`). */
export interface NamedRef {
  id: string;
  name: string;
  nameEn: string | null;
}

/** `GET /api/comments`: customer comments to read, newest first, one page at a time. */
export interface CommentsQuery {
  surveyId?: string;
  journeyId?: string;
  touchpointId?: string;
  /** Only answers that graded this value (not "weet ik niet"). */
  valueKey?: string;
  /** A calendar period: `period=month&at=2026-11` or `period=quarter&at=2026-Q4`. */
  period?: 'month' | 'quarter';
  at?: string;
  /** Words the comment contains (case-insensitive). */
  q?: string;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
  /** Page size, 1-100 (default 20). */
  limit?: number;
}

export interface ReadableComment {
  text: string;
  /** The day it was given (midnight in the organisation's time zone). */
  submittedAt: string;
  survey: { id: string; name: string };
  journey: NamedRef | null;
  touchpoint: NamedRef | null;
}

export interface CommentsPage {
  /** The organisation's comment minimum of responses per cell. */
  minimum: number;
  /** Comments matching the filters (all pages). */
  total: number;
  comments: ReadableComment[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Whether comments of the chosen survey (or of any survey) are held back by the minimum. */
  withheld: boolean;
}

// ---------------------------------------------------------------------------------------------
// API keys and the CRM trigger
// ---------------------------------------------------------------------------------------------

/** A key another system (a CRM) calls the api with. */
export type ApiKey = IssuedCredential;

/** Only the answer to creating a key carries the key itself, once. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

export interface CreateApiKeyRequest {
  name: string;
}

/** `POST /api/v1/survey-invitations`, with `Authorization: Bearer <key>` and an `Idempotency-Key` header. */
export interface CreateSurveyInvitationRequest {
  surveyId: string;
  email: string;
  locale?: Locale;
  segmentId?: string;
  teamId?: string;
  touchpointId?: string;
}

export interface SurveyInvitationResult {
  /** The invitation, or null when the contact was asked within the quarantine. */
  id: string | null;
  status: 'invited' | 'skipped_quarantine';
  waveId: string | null;
}

// ---------------------------------------------------------------------------------------------
// The public answer page (no account)
// ---------------------------------------------------------------------------------------------

export interface RecognitionFormValue {
  id: string;
  name: string;
  description: string;
  /** The recognition question with the value's name filled in. */
  question: string;
}

export interface RecognitionForm {
  organisationName: string;
  title: string;
  intro: string;
  locale: Locale;
  channel: ResponseChannel;
  values: RecognitionFormValue[];
  askOverallGrade: boolean;
  askNps: boolean;
  askComment: boolean;
  /** The wave's "you said, we did" line in the form's language (Dutch when no English), or null. */
  youSaid: string | null;
}

export interface RecognitionGradeAnswer {
  valueId: string;
  /** 1-10, or null for "weet ik niet". */
  grade: number | null;
}

export interface SubmitRecognitionRequest {
  grades: RecognitionGradeAnswer[];
  overallGrade?: number | null;
  nps?: number | null;
  comment?: string;
  locale?: Locale;
}

/**
 * Error codes of the public endpoints, for friendly pages: unknown or forged link (404
 * `link_not_found`), used (409 `already_answered`), expired or closed (410 `link_expired`).
 */
export type RecognitionLinkError = 'link_not_found' | 'already_answered' | 'link_expired';
