import type { ssoNl } from './nl-sso';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** English texts of single sign-on; part of `en.ts`. */
export const ssoEn: Texts<typeof ssoNl> = {
  login: {
    title: 'Sign in with your organisation account',
    field: 'Your work e-mail or organisation code',
    fieldHint:
      'For example jan@company.com. If that does not work, ask your administrator for the organisation code.',
    go: 'Continue',
    required: 'Enter your work e-mail or the organisation code.',
    passwordDisabled:
      'Your organisation signs in with its organisation account only. Use "Sign in with your organisation account" below.',
    errors: {
      not_configured: 'Signing in with an organisation account is not set up for this organisation.',
      unknown_organisation:
        'We could not find your organisation from this address. Enter the organisation code (ask your administrator).',
      invalid_state: 'Signing in took too long or was started in another window. Please try again.',
      provider_error: 'Your organisation account cancelled or refused the sign-in. Please try again.',
      invalid_token:
        'The answer of your organisation account could not be verified. Try again or contact your administrator.',
      email_unverified:
        'Your organisation account did not pass on a verified e-mail address. Contact your administrator.',
      domain_not_allowed: 'An e-mail address of this domain cannot sign in to this organisation.',
      no_account:
        'There is no account for you in this organisation (yet). Ask HR or your administrator to add you.',
      deactivated: 'Your account is deactivated.',
      misconfigured:
        'Signing in with your organisation account is not set up correctly right now. Contact your administrator.',
    },
  },
  settings: {
    title: 'Sign in with organisation account (SSO)',
    intro:
      "Let people sign in with your organisation's account (OpenID Connect, for example Microsoft Entra ID, Okta or Google Workspace).",
    notSetUp: 'Not set up yet.',
    redirectUri: 'Redirect URI (register this at your identity provider)',
    issuerUrl: 'Issuer URL',
    issuerUrlHint: 'For example https://login.microsoftonline.com/<tenant-id>/v2.0',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    clientSecretSet: 'A secret is stored. Leave empty to keep it.',
    clientSecretHint: 'Stored encrypted and never shown again.',
    allowedDomains: 'Allowed e-mail domains',
    allowedDomainsHint: 'One per line, for example company.com.',
    justInTime: 'Create a missing person as employee on their first sign-in',
    acceptUnverifiedEmail:
      'Accept the e-mail address without confirmation by the identity provider (Microsoft Entra ID)',
    acceptUnverifiedEmailHint:
      'Entra ID does not say whether an e-mail address is verified; without this option, signing in via Entra is refused. Only addresses in the allowed domains are accepted. An address Entra reports as verified (xms_edov) always works.',
    acceptUnverifiedEmailWarning:
      "Warning: only switch this on if nobody but your organisation can set e-mail addresses in these domains at this identity provider, for example your own Entra tenant in which these domains are verified. Otherwise anyone who may change an account's e-mail address there can sign in as anyone else with an address in these domains, including an admin.",
    passwordLoginDisabled: 'Switch off password sign-in for this organisation',
    passwordLoginHint:
      'Only possible after you have signed in with the organisation account yourself, so nobody is locked out.',
    signInFirst: 'Sign in with the organisation account yourself first.',
    remove: 'Remove SSO',
    removeConfirm: 'Remove SSO? Password sign-in is switched on again.',
    removed: 'SSO was removed.',
  },
};
