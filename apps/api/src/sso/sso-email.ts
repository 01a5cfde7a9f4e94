/** True for `true` and the string "true" (some providers send strings). */
const isTrue = (value: unknown) => value === true || value === 'true';
const isFalse = (value: unknown) => value === false || value === 'false';
const ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function address(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const email = value.trim().toLowerCase();
  return ADDRESS.test(email) ? email : undefined;
}

/**
 * The e-mail address a sign-in is for, or null when the provider did not vouch for one.
 * Verified: `email_verified`, or Entra's optional `xms_edov` (the domain owner verified it).
 * With `acceptUnverified` (the organisation's choice, for Entra which sends neither by default) the
 * `email`, else an address-shaped `preferred_username` or `upn`, counts too; the caller still
 * requires an allowed domain. A provider's explicit "not verified" is never overridden.
 */
export function signInEmail(claims: Record<string, unknown>, acceptUnverified: boolean): string | null {
  const email = address(claims['email']);
  if (email && (isTrue(claims['email_verified']) || isTrue(claims['xms_edov']))) return email;
  if (!acceptUnverified || isFalse(claims['email_verified']) || isFalse(claims['xms_edov'])) return null;
  return email ?? address(claims['preferred_username']) ?? address(claims['upn']) ?? null;
}
