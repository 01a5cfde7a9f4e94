/** Single sign-on (OpenID Connect) of one organisation, as the admin sees it. The secret never comes back. */
export interface SsoSettings {
  issuerUrl: string;
  clientId: string;
  /** True once a client secret is stored (encrypted); the secret itself is never returned. */
  clientSecretSet: boolean;
  allowedDomains: string[];
  /** Sign-in may create a missing person (as employee). */
  justInTime: boolean;
  passwordLoginDisabled: boolean;
  /** Accept the provider's e-mail without `email_verified` (Microsoft Entra ID), only for the allowed domains. */
  acceptUnverifiedEmail: boolean;
  /** Register this at the identity provider as the redirect (reply) URI. */
  redirectUri: string;
  /** Whether the caller has signed in via this provider (required before password sign-in can be switched off). */
  callerHasSignedInWithSso: boolean;
  updatedAt: string;
}

export interface UpdateSsoSettingsRequest {
  issuerUrl: string;
  clientId: string;
  /** Required the first time; leave out to keep the stored one. */
  clientSecret?: string;
  allowedDomains: string[];
  justInTime: boolean;
  passwordLoginDisabled: boolean;
  /** Off when left out. */
  acceptUnverifiedEmail?: boolean;
}

/** Codes in `/login?sso_error=<code>`; the login page explains each. */
export const SSO_ERROR_CODES = [
  'not_configured',
  'unknown_organisation',
  'invalid_state',
  'provider_error',
  'invalid_token',
  'email_unverified',
  'domain_not_allowed',
  'no_account',
  'deactivated',
  'misconfigured',
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

export const SSO_MAX_DOMAINS = 20;

/** A DNS name such as `example.nl` (lower case, at least one dot, no scheme or @). */
export const SSO_DOMAIN_PATTERN = /^(?=.{3,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;

export function normaliseSsoDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '');
}

/** The domain part of an address, lower case; '' when there is none. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}
