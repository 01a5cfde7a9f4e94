import type { secretsNl } from './nl-secrets';

/** English words of every list of bearer secrets (API keys, SCIM tokens); part of `en.ts`. */
export const secretsEn: typeof secretsNl = {
  lastUsed: 'Last used',
  never: 'Never',
  status: 'Status',
  active: 'Active',
  revoked: 'Revoked',
  revoke: 'Revoke',
};
