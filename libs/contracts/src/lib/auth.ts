import type { Locale } from '@wk/domain';
import type { Role } from './roles';

export interface LoginRequest {
  email: string;
  password: string;
  /** Only needed when one e-mail address has accounts in several organisations. */
  organisation?: string;
}

export interface Me {
  userId: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  organisation: { id: string; name: string; slug: string; locale: Locale };
  /** Team ids this user manages, sub-teams included (empty for non-managers). */
  managedTeamIds: string[];
}

export interface SetPasswordRequest {
  token: string;
  password: string;
}

export interface PasswordResetRequest {
  email: string;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** A platform operator: hosts the product, outside every organisation. */
export interface OperatorProfile {
  id: string;
  email: string;
  name: string;
}

/** Confirms an e-mail change with the link sent to the new address. */
export interface ConfirmEmailRequest {
  token: string;
}

/**
 * A credential an admin issues to another system (an API key, a SCIM token): shown once when it is
 * created, then stored hashed; revoking it ends it at once.
 */
export interface IssuedCredential {
  id: string;
  name: string;
  /** The first characters of the secret, to recognise it. */
  prefix: string;
  createdAt: string;
  createdByName: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
