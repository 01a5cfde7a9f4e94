/** Dutch texts of the sign-in page; part of `nl.ts`, bundled alone by the light sign-in page. */
import { ssoNl } from './nl-sso';

export const signInNl = {
  auth: {
    signInTitle: 'Inloggen',
    signInIntro: 'Log in om te sturen op jullie belevingswaarden.',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    signIn: 'Inloggen',
    wrongCredentials: 'E-mailadres of wachtwoord is onjuist.',
    tooMany: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
    accountLocked:
      'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Vraag via "Wachtwoord vergeten" een nieuw wachtwoord aan om het direct te ontgrendelen.',
    forgot: 'Wachtwoord vergeten?',
    forgotTitle: 'Wachtwoord vergeten',
    forgotIntro:
      'Vul je e-mailadres in. Als er een account bij hoort, sturen we een link om een nieuw wachtwoord te kiezen.',
    sendLink: 'Stuur link',
    linkSent: 'Als dit adres bij ons bekend is, staat er nu een e-mail met een link voor je klaar.',
    backToSignIn: 'Terug naar inloggen',
    setPasswordTitle: 'Kies een wachtwoord',
    newPassword: 'Nieuw wachtwoord',
    repeatPassword: 'Herhaal wachtwoord',
    passwordHint: 'Minstens {{min}} tekens.',
    passwordsDiffer: 'De wachtwoorden zijn niet gelijk.',
    passwordTooShort: 'Gebruik minstens {{min}} tekens.',
    setPassword: 'Wachtwoord opslaan',
    passwordSet: 'Je wachtwoord is opgeslagen. Je kunt nu inloggen.',
    badLink: 'Deze link is ongeldig of verlopen. Vraag een nieuwe aan via "Wachtwoord vergeten".',
    organisation: 'Organisatie',
    confirmEmailTitle: 'Nieuw e-mailadres bevestigen',
    confirmEmailIntro: 'Bevestig dat je voortaan met dit e-mailadres inlogt en e-mail ontvangt.',
    confirmEmail: 'E-mailadres bevestigen',
    emailConfirmed: 'Je e-mailadres is gewijzigd. Log voortaan in met je nieuwe adres.',
    badEmailLink:
      'Deze link is ongeldig, verlopen of al gebruikt. Vraag je beheerder de wijziging opnieuw te doen.',
  },
  sso: ssoNl,
};
