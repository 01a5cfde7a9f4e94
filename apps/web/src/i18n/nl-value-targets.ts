/** Dutch texts of changing a value's target without a new version; part of `nl.ts`. */
export const valueTargetsNl = {
  title: 'Doel aanpassen',
  intro:
    'Een nieuw doel geldt vanaf nu, zonder nieuwe versie van de waarden. Afgelopen periodes houden het doel dat toen gold.',
  label: 'Doel (rapportcijfer 1-10)',
  save: 'Doel opslaan',
  saved: 'Het doel is nu {{grade}}.',
  failed: 'Opslaan is niet gelukt. Probeer het opnieuw.',
  history: 'Eerdere doelen',
  noHistory: 'Nog geen eerdere doelen.',
  fromVersion: '{{grade}} vanaf {{date}} (met de versie gepubliceerd)',
  fromChange: '{{grade}} vanaf {{date}}',
  fromChangeBy: '{{grade}} vanaf {{date}}, door {{name}}',
};
