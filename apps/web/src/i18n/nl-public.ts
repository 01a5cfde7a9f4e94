/**
 * The Dutch texts of the public pages (the customer's answer page, the self-assessment form, sign-in),
 * in parts: each light page (src/public) bundles this frame and its own part only (nl-sign-in.ts,
 * nl-self-assessment.ts, nl-recognition.ts); `nl.ts` takes them all over for the dashboard.
 */
import { apiResourcesNl, errorCodesNl, fieldRulesNl } from './nl-errors';
import type { recognitionNl } from './nl-recognition';
import type { selfAssessmentFormNl } from './nl-self-assessment';
import type { signInNl } from './nl-sign-in';

/** What every public page shows: its frame, loading and error states, the api's error messages. */
export const frameNl = {
  app: {
    name: 'Waardenkompas',
    skipToContent: 'Naar de inhoud',
    mainNav: 'Hoofdmenu',
    language: 'Taal',
    signOut: 'Uitloggen',
  },
  common: {
    loading: 'Laden…',
    retry: 'Opnieuw proberen',
    save: 'Opslaan',
    saved: 'Opgeslagen',
    cancel: 'Annuleren',
    close: 'Sluiten',
    edit: 'Bewerken',
    delete: 'Verwijderen',
    search: 'Zoeken',
    previous: 'Vorige',
    next: 'Volgende',
    none: 'Geen',
    all: 'Alle',
    errorTitle: 'Er ging iets mis',
    networkError: 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
    forbidden: 'Je hebt geen toegang tot deze pagina.',
    notFound: 'Deze pagina bestaat niet.',
    pageOf: 'Pagina {{page}} van {{pages}}',
    results: '{{count}} resultaten',
    copied: 'Gekopieerd',
  },
  errors: errorCodesNl,
  errorDetail: {
    notFoundResource: '{{resource}} niet gevonden.',
    invalidInput: 'Niet alles is goed ingevuld.',
    resources: apiResourcesNl,
    rules: fieldRulesNl,
  },
};

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** All public pages' texts: the type of the English ones (en-public.ts), loaded together when chosen. */
export type PublicMessages = Widen<
  typeof frameNl & typeof signInNl & typeof selfAssessmentFormNl & { recognition: typeof recognitionNl }
>;
