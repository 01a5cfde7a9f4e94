import type { teamViewNl } from './nl-team-view';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English texts of the team view; the same keys as `nl-team-view.ts`. */
export const teamViewEn: Widen<typeof teamViewNl> = {
  intro:
    "The team's self-assessment, customer grade and gap per value with their trend, next to the organisation and the sibling teams; the weakest behaviours, what customers say and the team's actions.",
  noPeriods: 'This team has not taken part in a measurement of this kind yet. Choose another kind of period.',
  valuesTitle: 'The team per value',
  valuesIntro:
    'Customer grade (1-10) and self-assessment (1-4) each on its own scale, with the index (0-100) beside it; the gap is the customer index minus the self index.',
  readingsTitle: 'What stands out in this team',
  trendValue: 'Value in the trend',
  siblings: {
    title: 'Team next to the organisation and sibling teams',
    intro:
      'The team, the whole organisation and the spread of the sibling teams (lowest to highest). Only groups large enough count.',
    label:
      'Bar chart per value: the team, the organisation and a bar from the lowest to the highest sibling team.',
    metric: 'Figure',
    grade: 'Customer grade',
    self: 'Self-assessment',
    team: 'Team',
    organisation: 'Organisation',
    range: 'Sibling teams (lowest–highest)',
    lowest: 'Lowest sibling team',
    highest: 'Highest sibling team',
    shown: 'Sibling teams shown',
    withheld: 'Sibling teams without a figure',
    rank: 'Place',
    rankOf: '{{rank}} of {{count}}',
    none: 'This team has no sibling teams.',
    withheldNote:
      '{{count}} sibling teams do not count: no or too few answers, or hidden to protect a smaller group.',
    unnamedNote:
      'Sibling teams you do not manage are shown without names, and only when there are at least two.',
    named: 'Sibling teams',
    provisional: "The team's customer grade is provisional: fewer than {{minimum}} answers.",
  },
  participation: {
    title: 'Participation per measurement',
    intro: 'Response per self-assessment cycle; measurements of different cycles are never added together.',
    parts: '{{completed}} of {{invited}} completed',
    none: 'No self-assessment in this period.',
  },
  comments: {
    title: 'Customer comments',
    intro:
      "At this team's touchpoints. Only groups (team × touchpoint × month) with at least {{minimum}} answers.",
    none: 'No comments in this period.',
    withheld: '{{count}} answers in smaller groups: their comments are not shown.',
    calendarOnly: 'Comments are per month or quarter: choose a month or quarter.',
    noTouchpoint: 'no touchpoint',
    more: 'Read all comments',
  },
  actions: {
    title: "The team's actions",
    intro:
      "Agreements on this team's figures (for a department also its teams'), with their status and whether they worked.",
    none: 'No actions for this team yet.',
    effect: 'Effect',
    effects: {
      pending: 'not measured yet',
      improved: 'improved',
      no_change: 'no measurable change',
      worse: 'worse',
      insufficient: 'too few answers',
    },
    due: 'due {{date}}',
  },
};
