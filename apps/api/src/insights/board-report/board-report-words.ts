import type { ActionStatus, ActionVerdict, Locale, PyramidLevel, TargetStatus } from '@wk/domain';

/**
 * The board report's words in Dutch and English. The dashboard says the same things (its status,
 * level and verdict words are in apps/web/src/i18n); the reading sentences themselves come from
 * libs/domain reading-text.ts, shared with the dashboard.
 */
export interface BoardWords {
  title: string;
  generated: string;
  team: string;
  value: string;
  pyramid: string;
  levels: Record<PyramidLevel, string>;
  status: Record<TargetStatus, string>;
  provisional: string;
  provisionalShort: string;
  tiles: string;
  tilesNote: string;
  gradeScale: string;
  index: string;
  interval: string;
  intervalUndefined: string;
  self: string;
  selfTooFew: string;
  selfNone: string;
  gap: string;
  gapLabels: Record<'blind_spot' | 'aligned' | 'hidden_strength', string>;
  change: string;
  target: string;
  readings: string;
  blindSpot: string;
  hiddenStrength: string;
  noBlindSpot: string;
  noHiddenStrength: string;
  nps: string;
  npsProvisional: string;
  participation: string;
  heart: string;
  heartNote: string;
  heartNone: string;
  peak: string;
  dip: string;
  momentOfTruth: string;
  actions: string;
  actionsNone: string;
  actionColumns: { what: string; owner: string; due: string; status: string; effect: string };
  actionStatus: Record<ActionStatus, string>;
  verdicts: Record<ActionVerdict, string>;
  pending: string;
  moreActions: string;
  footer: string;
}

export const BOARD_WORDS: Record<Locale, BoardWords> = {
  nl: {
    title: 'Bestuursrapport {{period}}',
    generated: 'Gemaakt op {{date}}',
    team: 'Team: {{name}}',
    value: 'Waarde: {{name}}',
    pyramid: 'Belevingspiramide',
    levels: { basis: 'Basis', gemak: 'Gemak', persoonlijk: 'Persoonlijk', verrassend: 'Verrassend' },
    status: { on_target: 'op koers', near: 'bijna', below: 'onder doel', no_data: 'geen klantcijfers' },
    provisional: 'voorlopig (n = {{n}})',
    provisionalShort: 'voorlopig',
    tiles: 'Waarden: klantcijfer, trend en interval',
    tilesNote: 'Lijn: klantcijfer per {{kind}}; stippellijn: doel; streep: 95%-interval.',
    gradeScale: '/10',
    index: 'index {{index}}',
    interval: '95%: {{low}} – {{high}}',
    intervalUndefined: 'interval onbepaald',
    self: 'zelfbeeld {{index}}',
    selfTooFew: 'zelfbeeld: te weinig antwoorden',
    selfNone: 'zelfbeeld: –',
    gap: 'kloof {{gap}}',
    gapLabels: { blind_spot: 'blinde vlek', aligned: 'in balans', hidden_strength: 'verborgen kracht' },
    change: '{{difference}} t.o.v. {{period}}',
    target: 'doel {{target}}',
    readings: 'Wat opvalt',
    blindSpot: 'Grootste blinde vlek',
    hiddenStrength: 'Grootste verborgen kracht',
    noBlindSpot:
      'Geen waarde is in {{period}} een blinde vlek (of nog niet genoeg antwoorden om dat te zeggen).',
    noHiddenStrength:
      'Geen waarde is in {{period}} een verborgen kracht (of nog niet genoeg antwoorden om dat te zeggen).',
    nps: 'NPS {{nps}} (n = {{n}})',
    npsProvisional: 'NPS voorlopig: {{n}} antwoorden, minder dan {{minimum}}',
    participation: 'Deelname zelfbeoordeling {{rate}} ({{completed}} van {{invited}})',
    heart: 'Hartmonitor {{journey}}',
    heartNote: 'Klantcijfer per contactmoment (gemiddelde over de waarden); open punt: voorlopig.',
    heartNone: 'Geen klantreis met klantantwoorden in {{period}}.',
    peak: 'piek',
    dip: 'dal',
    momentOfTruth: 'moment van de waarheid',
    actions: 'Acties en hun effect',
    actionsNone: 'Nog geen acties voor deze periode.',
    actionColumns: { what: 'Actie', owner: 'Eigenaar', due: 'Klaar op', status: 'Status', effect: 'Effect' },
    actionStatus: { open: 'open', in_progress: 'bezig', done: 'afgerond', dropped: 'vervallen' },
    verdicts: {
      improved: 'verbeterd',
      no_change: 'geen meetbare verandering',
      worse: 'verslechterd',
      insufficient: 'te weinig antwoorden',
    },
    pending: 'gemeten na {{period}}',
    moreActions: 'en nog {{count}} actie(s) in het dashboard.',
    footer:
      'Klantcijfer 1-10 met 95%-interval; index 0-100; kloof = klantindex − zelfindex (onder −10 blinde vlek, boven +10 verborgen kracht). ' +
      'Minder dan {{reliability}} klantantwoorden: voorlopig, geen oordeel. Groepen met minder dan {{minimum}} medewerkers worden niet getoond. ' +
      'Effect: Welch-toets, periode voor de actie tegen de periode na de datum.',
  },
  en: {
    title: 'Board report {{period}}',
    generated: 'Made on {{date}}',
    team: 'Team: {{name}}',
    value: 'Value: {{name}}',
    pyramid: 'Experience pyramid',
    levels: { basis: 'Basics', gemak: 'Ease', persoonlijk: 'Personal', verrassend: 'Surprising' },
    status: { on_target: 'on target', near: 'near', below: 'below target', no_data: 'no customer grades' },
    provisional: 'provisional (n = {{n}})',
    provisionalShort: 'provisional',
    tiles: 'Values: customer grade, trend and interval',
    tilesNote: 'Line: customer grade per {{kind}}; dotted line: target; bar: 95% interval.',
    gradeScale: '/10',
    index: 'index {{index}}',
    interval: '95%: {{low}} – {{high}}',
    intervalUndefined: 'interval undefined',
    self: 'self-image {{index}}',
    selfTooFew: 'self-image: too few answers',
    selfNone: 'self-image: –',
    gap: 'gap {{gap}}',
    gapLabels: { blind_spot: 'blind spot', aligned: 'aligned', hidden_strength: 'hidden strength' },
    change: '{{difference}} vs {{period}}',
    target: 'target {{target}}',
    readings: 'What stands out',
    blindSpot: 'Largest blind spot',
    hiddenStrength: 'Largest hidden strength',
    noBlindSpot: 'No value is a blind spot in {{period}} (or not enough answers yet to say).',
    noHiddenStrength: 'No value is a hidden strength in {{period}} (or not enough answers yet to say).',
    nps: 'NPS {{nps}} (n = {{n}})',
    npsProvisional: 'NPS provisional: {{n}} answers, fewer than {{minimum}}',
    participation: 'Self-assessment participation {{rate}} ({{completed}} of {{invited}})',
    heart: 'Heart monitor {{journey}}',
    heartNote: 'Customer grade per touchpoint (average over the values); open dot: provisional.',
    heartNone: 'No customer journey with customer answers in {{period}}.',
    peak: 'peak',
    dip: 'dip',
    momentOfTruth: 'moment of truth',
    actions: 'Actions and their effect',
    actionsNone: 'No actions for this period yet.',
    actionColumns: { what: 'Action', owner: 'Owner', due: 'Due', status: 'Status', effect: 'Effect' },
    actionStatus: { open: 'open', in_progress: 'in progress', done: 'done', dropped: 'dropped' },
    verdicts: {
      improved: 'improved',
      no_change: 'no measurable change',
      worse: 'worse',
      insufficient: 'too few answers',
    },
    pending: 'measured after {{period}}',
    moreActions: 'and {{count}} more action(s) in the dashboard.',
    footer:
      'Customer grade 1-10 with 95% interval; index 0-100; gap = customer index − self index (below −10 blind spot, above +10 hidden strength). ' +
      'Fewer than {{reliability}} customer answers: provisional, no verdict. Groups of fewer than {{minimum}} employees are not shown. ' +
      'Effect: Welch test, the period before the action against the period after its date.',
  },
};
