/** Dutch texts of the self-assessment form; part of `nl.ts`, bundled alone by its light page. */
export const selfAssessmentFormNl = {
  selfAssessment: {
    title: 'Zelfbeoordeling',
    levelsTitle: 'De vier niveaus',
    intro:
      'Voor {{organisation}}. Beoordeel per waarde hoe jij elk gedrag laat zien. Je antwoorden worden meteen bewaard; je kunt ze wijzigen tot {{date}}.',
    progress: '{{done}} van {{total}} beantwoord',
    step: 'Waarde {{n}} van {{total}}: {{name}}',
    example: 'Een voorbeeld (optioneel)',
    exampleHint: 'Wanneer liet je "{{name}}" onlangs zien? Alleen jij ziet dit.',
    saving: 'Bewaren…',
    saved: 'Bewaard',
    saveFailed: 'Bewaren is niet gelukt. Probeer het opnieuw.',
    submit: 'Versturen',
    incomplete: 'Niet alle gedragingen zijn beantwoord. Kies bij elk een niveau of n.v.t.',
    thanks: 'Dank je wel! Je zelfbeoordeling is verstuurd.',
    changeUntil: 'Je kunt je antwoorden wijzigen tot {{date}} via dezelfde link.',
    review: 'Antwoorden bekijken',
    alreadySubmitted: 'Je hebt deze ronde al verstuurd. Wijzigen kan tot {{date}}.',
    closed: 'Deze ronde is gesloten op {{date}}. Antwoorden kunnen niet meer worden gewijzigd.',
    unknownLink: 'Deze link is niet (meer) geldig. Gebruik de link uit je meest recente uitnodiging.',
  },
  values: {
    behaviourPrefix: 'IK',
    notApplicable: 'n.v.t.',
  },
};
