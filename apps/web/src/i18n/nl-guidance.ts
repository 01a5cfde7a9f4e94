import { READING_WORDS } from '@wk/domain';

/** Dutch texts of guidance, the number language and provisional figures (issue 17); part of `nl.ts`. */
export const guidanceNl = {
  provisional: 'voorlopig (n = {{n}})',
  provisionalHint:
    'Minder dan {{minimum}} klantantwoorden: dit cijfer is nog geen oordeel. De drempel staat bij Organisatie.',
  reliabilityHint:
    'Met minder klantantwoorden tonen cijfer, NPS en status ‘voorlopig’ in een neutrale kleur in plaats van een oordeel (standaard 30).',
  provisionalNps: 'voorlopig: minder dan {{minimum}} antwoorden, nog geen oordeel',
  gradeScale: '/10',
  selfScale: '/4',
  index: 'index {{index}}',
  self: 'Zelfbeeld medewerkers',
  gapHelpLabel: 'Wat is de kloof?',
  gapHelp:
    'Kloof = herkenningsindex van klanten − zelfindex van medewerkers, beide op 0-100 (cijfer 1-10 en zelfscore 1-4 omgerekend). Onder −10: blinde vlek (medewerkers zien meer dan klanten), boven +10: verborgen kracht.',
  gradeAxis: 'cijfer',
  indexAxis: 'index',
  reading: {
    title: 'Lezing',
    intro: 'Automatisch samengesteld uit de cijfers van {{period}}.',
    // The sentences live in libs/domain (reading-text.ts): the board report PDF says the same.
    ...READING_WORDS.nl,
  },
  focus: {
    title: 'Waar nu op letten',
    intro:
      'De grootste kloven en dalingen van {{period}} die statistisch vaststaan (intervallen los van elkaar, of een significante daling), per waarde en team of klantreis.',
    empty: 'Niets dat er statistisch uitspringt in {{period}}.',
    calendarOnly: 'Kies een maand of kwartaal om te zien waar je op kunt letten.',
    reasons: {
      blindSpot: 'blinde vlek: medewerkers {{self}}, klanten {{customer}}',
      hiddenStrength: 'verborgen kracht: klanten {{customer}}, medewerkers {{self}}',
      customerDrop: 'klantherkenning significant gedaald ({{size}} indexpunten)',
      selfDrop: 'zelfbeeld significant gedaald ({{size}} indexpunten)',
    },
  },
};
