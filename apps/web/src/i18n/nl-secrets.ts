/** Dutch words of every list of bearer secrets (API keys, SCIM tokens); part of `nl.ts`. */
export const secretsNl = {
  lastUsed: 'Laatst gebruikt',
  never: 'Nog nooit',
  status: 'Status',
  active: 'Actief',
  revoked: 'Ingetrokken',
  revoke: 'Intrekken',
};
