/** A SCIM provisioning token of the organisation (identity providers such as Entra ID or Okta use it). */
export interface ScimToken {
  id: string;
  name: string;
  /** The first characters of the token, to recognise it; the token itself is stored hashed. */
  prefix: string;
  createdAt: string;
  createdByName: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

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
