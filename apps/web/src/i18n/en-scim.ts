import type { scimNl } from './nl-scim';

/** English texts of SCIM provisioning (organisation settings); part of `en.ts`. */
export const scimEn: typeof scimNl = {
  title: 'Provision people and teams (SCIM)',
  intro:
    'Let your identity provider (such as Microsoft Entra ID or Okta) create, update and deactivate employees and teams automatically. Paste the base URL and a token into the provisioning settings of your identity provider.',
  baseUrl: 'Base URL (Tenant URL / SCIM connector base URL)',
  rules:
    'New people arrive as employees with the status Invited, without an e-mail; roles are set here. A group becomes a team. The identity provider never changes the e-mail address or status of admins.',
  name: 'Token name',
  nameHint: 'For example "Entra ID", so you recognise it later.',
  create: 'Create token',
  createdTitle: 'Token "{{name}}" was created',
  showOnce: 'Copy the token now: it is shown only once. We keep only an unrecognisable fingerprint.',
  token: 'Token',
  copy: 'Copy',
  list: 'Tokens',
  empty: 'There is no token yet. Create one to turn provisioning on.',
  prefix: 'Starts with',
  createdAt: 'Created',
  revokeLabel: 'Revoke token {{name}}',
  revokeTitle: 'Revoke token',
  confirmRevoke:
    'Revoke token "{{name}}"? The identity provider can no longer use it, at once; this cannot be undone.',
  revokedNote: 'Token "{{name}}" was revoked.',
};
