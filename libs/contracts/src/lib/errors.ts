/**
 * Every error `code` the api can answer with. Clients switch on the code, never on the message
 * (the message is English, for logs and API users). The api's error helpers only accept these
 * codes, and the web has a message per code in Dutch and English (Record<ApiErrorCode, string>),
 * so adding a code here is the one step that makes it usable on both sides.
 */
export const API_ERROR_CODES = [
  // Generic, from the HTTP status (the error filter names an HttpException without a code by it).
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'gone',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal_error',
  'service_unavailable',
  'error',
  // Input
  'validation_failed',
  'file_too_large',
  'import_has_errors',
  'contacts_have_errors',
  'bad_origin',
  'in_use',
  'name_taken',
  'confirm_mismatch',
  'stale_version',
  'idempotency_key_reused',
  // Sign-in and access
  'unauthenticated',
  'no_access_rule',
  'invalid_api_key',
  'invalid_credentials',
  'demo_disabled',
  'password_login_disabled',
  'deactivated',
  'too_many_attempts',
  'account_locked',
  'link_invalid',
  'already_set_up',
  'sso_sign_in_required',
  'outranked',
  'self_lockout',
  'already_active',
  // Values
  'no_draft',
  'draft_exists',
  'no_published_version',
  'publish_refused',
  // Self-assessments
  'archived',
  'round_open',
  'round_closed',
  'reminded_recently',
  'unknown_link',
  'incomplete',
  // Customer surveys
  'survey_closed',
  'wave_closed',
  'has_responses',
  'no_pending_contacts',
  'already_reminded',
  'link_not_found',
  'already_answered',
  'link_expired',
  'not_open_yet',
  'too_many_responses',
  // Appraisals
  'cycle_closed',
  'cycle_not_open',
  'appraisal_signed',
  'review_submitted',
  'not_in_conversation',
  'signing_started',
  'meeting_date_missing',
  'already_signed',
  'reviewer_signed',
  'manager_review_missing',
  'not_signed',
  // Webhooks
  'delivery_pending',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Codes the web client makes itself: the request never got an answer, or the answer was not JSON. */
export type ClientErrorCode = 'network' | 'http';

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === 'string' && (API_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * What a 404 was looking for; the body names it as `resource` so the web can say
 * "Team niet gevonden" instead of the api's English.
 */
export const API_RESOURCES = [
  'Action',
  'API key',
  'Appraisal',
  'Appraisal cycle',
  'Previous agreement',
  'Cycle',
  'Import job',
  'Import kind',
  'Journey',
  'Message',
  'Open link',
  'Operator',
  'Organisation',
  'Owner',
  'Person',
  'Round',
  'SCIM token',
  'Segment',
  'Single sign-on settings',
  'Survey',
  'Team',
  'Template',
  'Touchpoint',
  'Value',
  'Value set version',
  'Wave',
  'Webhook delivery',
  'Webhook endpoint',
] as const;

export type ApiResource = (typeof API_RESOURCES)[number];

/** Every error the api returns has this shape; `errors` names the fields on a 400. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: ApiErrorCode | ClientErrorCode;
  message: string;
  errors?: FieldError[];
  /** On a 404: what was not found. */
  resource?: ApiResource;
  /** Extra, error-specific detail, e.g. `preview` on a refused import. */
  [detail: string]: unknown;
}

/**
 * One problem with one field. `message` is English and names the field; `constraint` is the
 * machine name of the rule that failed (class-validator's: isEmail, maxLength, isIn…) with its
 * `args` (e.g. [200] for maxLength), so a client can say it in the reader's language.
 */
export interface FieldError {
  field: string;
  message: string;
  constraint?: string;
  args?: (string | number | boolean)[];
}
