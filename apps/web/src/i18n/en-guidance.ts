import { READING_WORDS } from '@wk/domain';
import type { guidanceNl } from './nl-guidance';

/** English texts of guidance, the number language and provisional figures (issue 17); part of `en.ts`. */
export const guidanceEn: typeof guidanceNl = {
  provisional: 'provisional (n = {{n}})',
  provisionalHint:
    'Fewer than {{minimum}} customer answers: this figure is not a verdict yet. The threshold is set under Organisation.',
  reliabilityHint:
    'With fewer customer answers, grade, NPS and status show ‘provisional’ in a neutral colour instead of a verdict (default 30).',
  provisionalNps: 'provisional: fewer than {{minimum}} answers, not a verdict yet',
  gradeScale: '/10',
  selfScale: '/4',
  index: 'index {{index}}',
  self: 'Employees’ self-image',
  gapHelpLabel: 'What is the gap?',
  gapHelp:
    'Gap = customers’ recognition index − employees’ self index, both on 0-100 (grade 1-10 and self score 1-4 rescaled). Below −10: blind spot (employees see more than customers), above +10: hidden strength.',
  gradeAxis: 'grade',
  indexAxis: 'index',
  reading: {
    title: 'Reading',
    intro: 'Generated from the figures of {{period}}.',
    // The sentences live in libs/domain (reading-text.ts): the board report PDF says the same.
    ...READING_WORDS.en,
  },
  focus: {
    title: 'What to watch now',
    intro:
      'The largest gaps and drops of {{period}} that hold statistically (intervals apart, or a significant drop), per value and team or customer journey.',
    empty: 'Nothing stands out statistically in {{period}}.',
    calendarOnly: 'Choose a month or quarter to see what to watch.',
    reasons: {
      blindSpot: 'blind spot: employees {{self}}, customers {{customer}}',
      hiddenStrength: 'hidden strength: customers {{customer}}, employees {{self}}',
      customerDrop: 'customer recognition dropped significantly ({{size}} index points)',
      selfDrop: 'self-image dropped significantly ({{size}} index points)',
    },
  },
};
