import type { IssuedCredential } from './auth';

/** A SCIM provisioning token of the organisation (identity providers such as Entra ID or Okta use it). */
export type ScimToken = IssuedCredential;

/** Only the answer to creating a token carries the token itself, once. */
export interface CreatedScimToken extends ScimToken {
  token: string;
}

export interface CreateScimTokenRequest {
  name: string;
}

/** `GET /api/scim-tokens`: the base URL to paste into the identity provider, and the tokens. */
export interface ScimSettings {
  baseUrl: string;
  tokens: ScimToken[];
}
