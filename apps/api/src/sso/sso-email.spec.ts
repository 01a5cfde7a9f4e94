import fc from 'fast-check';
import { signInEmail } from './sso-email';

const email = fc.emailAddress().filter((e) => /\.[^@]+$/.test(e.split('@')[1]));
const truthy = fc.constantFrom<unknown>(true, 'true');
const falsy = fc.constantFrom<unknown>(false, 'false');
const absent = fc.constantFrom<unknown>(undefined, null, 1, 'yes');

describe('signInEmail: which e-mail a sign-in is for', () => {
  it('takes a verified e-mail (email_verified or xms_edov) whatever the option, lower-cased', () => {
    fc.assert(
      fc.property(email, truthy, fc.boolean(), fc.boolean(), (address, yes, viaEdov, accept) => {
        const claims = viaEdov
          ? { email: ` ${address.toUpperCase()} `, xms_edov: yes }
          : { email: address.toUpperCase(), email_verified: yes };
        expect(signInEmail(claims, accept)).toBe(address.toLowerCase());
      }),
    );
  });

  it('refuses an e-mail without a verified claim unless the organisation accepts it', () => {
    fc.assert(
      fc.property(email, absent, absent, (address, verified, edov) => {
        const claims = { email: address, email_verified: verified, xms_edov: edov };
        expect(signInEmail(claims, false)).toBeNull();
        expect(signInEmail(claims, true)).toBe(address.toLowerCase());
      }),
    );
  });

  it('never overrides an explicit "not verified", not even with the option', () => {
    fc.assert(
      fc.property(email, falsy, fc.boolean(), (address, no, which) => {
        const claims = which ? { email: address, email_verified: no } : { email: address, xms_edov: no };
        expect(signInEmail(claims, true)).toBeNull();
      }),
    );
  });

  it("falls back to Entra's preferred_username, then upn, only with the option and only when it is an address", () => {
    fc.assert(
      fc.property(email, email, (preferred, upn) => {
        expect(signInEmail({ preferred_username: preferred, upn }, false)).toBeNull();
        expect(signInEmail({ preferred_username: preferred, upn }, true)).toBe(preferred.toLowerCase());
        expect(signInEmail({ preferred_username: 'Jan Jansen', upn }, true)).toBe(upn.toLowerCase());
        expect(signInEmail({ email: preferred, preferred_username: upn }, true)).toBe(
          preferred.toLowerCase(),
        );
      }),
    );
    expect(signInEmail({ preferred_username: 'jan', upn: 'jan@' }, true)).toBeNull();
    expect(signInEmail({}, true)).toBeNull();
  });
});
