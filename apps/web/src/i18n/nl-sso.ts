/** Dutch texts of single sign-on (login page and organisation settings); part of `nl.ts`. */
export const ssoNl = {
  login: {
    title: 'Inloggen met je organisatieaccount',
    field: 'Je werkmail of organisatiecode',
    fieldHint: 'Bijvoorbeeld jan@bedrijf.nl. Werkt dat niet, vraag je beheerder om de organisatiecode.',
    go: 'Ga verder',
    required: 'Vul je werkmail of de organisatiecode in.',
    passwordDisabled:
      'Je organisatie logt alleen in met het organisatieaccount. Gebruik "Inloggen met je organisatieaccount" hieronder.',
    errors: {
      not_configured: 'Voor deze organisatie is inloggen met een organisatieaccount niet ingesteld.',
      unknown_organisation:
        'We konden je organisatie niet vinden aan de hand van dit adres. Vul de organisatiecode in (vraag die aan je beheerder).',
      invalid_state: 'Het inloggen duurde te lang of is in een ander venster gestart. Probeer het opnieuw.',
      provider_error:
        'Je organisatieaccount heeft het inloggen afgebroken of geweigerd. Probeer het opnieuw.',
      invalid_token:
        'Het antwoord van je organisatieaccount kon niet worden gecontroleerd. Probeer het opnieuw of neem contact op met je beheerder.',
      email_unverified:
        'Je organisatieaccount heeft geen bevestigd e-mailadres doorgegeven. Neem contact op met je beheerder.',
      domain_not_allowed: 'Met een e-mailadres van dit domein kun je niet bij deze organisatie inloggen.',
      no_account:
        'Er is (nog) geen account voor jou in deze organisatie. Vraag HR of je beheerder om je toe te voegen.',
      deactivated: 'Je account is gedeactiveerd.',
      misconfigured:
        'Inloggen met je organisatieaccount is op dit moment niet goed ingesteld. Neem contact op met je beheerder.',
    },
  },
  settings: {
    title: 'Inloggen met organisatieaccount (SSO)',
    intro:
      'Laat medewerkers inloggen met het account van je organisatie (OpenID Connect, bijvoorbeeld Microsoft Entra ID, Okta of Google Workspace).',
    notSetUp: 'Nog niet ingesteld.',
    redirectUri: 'Redirect-URI (registreer deze bij je identiteitsprovider)',
    issuerUrl: 'Issuer-URL',
    issuerUrlHint: 'Bijvoorbeeld https://login.microsoftonline.com/<tenant-id>/v2.0',
    clientId: 'Client-ID',
    clientSecret: 'Clientgeheim',
    clientSecretSet: 'Er is een geheim opgeslagen. Laat leeg om het te houden.',
    clientSecretHint: 'Wordt versleuteld opgeslagen en nooit meer getoond.',
    allowedDomains: 'Toegestane e-maildomeinen',
    allowedDomainsHint: 'Eén per regel, bijvoorbeeld bedrijf.nl.',
    justInTime: 'Maak een ontbrekende persoon aan als medewerker bij de eerste keer inloggen',
    acceptUnverifiedEmail:
      'E-mailadres accepteren zonder bevestiging door de identiteitsprovider (Microsoft Entra ID)',
    acceptUnverifiedEmailHint:
      'Entra ID geeft niet door of een e-mailadres bevestigd is; zonder deze optie wordt inloggen via Entra geweigerd. Alleen adressen in de toegestane domeinen worden geaccepteerd. Een adres dat Entra als bevestigd meldt (xms_edov) werkt altijd.',
    acceptUnverifiedEmailWarning:
      'Let op: zet dit alleen aan als alleen jouw organisatie bij deze identiteitsprovider e-mailadressen in deze domeinen kan instellen, bijvoorbeeld je eigen Entra-tenant waarin deze domeinen geverifieerd zijn. Anders kan wie daar het e-mailadres van een account mag wijzigen, inloggen als ieder ander met een adres in deze domeinen, ook als beheerder.',
    passwordLoginDisabled: 'Inloggen met wachtwoord uitschakelen voor deze organisatie',
    passwordLoginHint:
      'Kan pas nadat jij zelf een keer met het organisatieaccount bent ingelogd, zodat niemand wordt buitengesloten.',
    signInFirst: 'Log eerst zelf een keer in met het organisatieaccount.',
    remove: 'SSO verwijderen',
    removeConfirm: 'SSO verwijderen? Inloggen met wachtwoord staat daarna weer aan.',
    removed: 'SSO is verwijderd.',
  },
};
