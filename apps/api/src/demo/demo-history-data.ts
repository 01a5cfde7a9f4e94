/**
 * The story the demo's history tells (demo-history.ts turns it into answers). Self levels are on the
 * 1-4 scale, customer grades on 1-10; `drift` is added per quarter, oldest quarter first.
 * - Betrouwbaar is a blind spot: employees rate themselves high, tenants recognise it much less.
 * - Persoonlijk and Dichtbij reach (or nearly reach) their target of 8.5.
 * - Samen is a hidden strength: tenants recognise more than employees give themselves credit for.
 * - "Bevestiging van de afspraak" is the journey's dip, "Monteur aan huis" its peak.
 * - Projecten (a small team, often on site) never reaches five completed self-assessments.
 */
export const HISTORY_SEED = 20_260_105;
export const HISTORY_QUARTERS = 4;

export const SELF_PROFILE: Record<string, { base: number; drift: number }> = {
  betrouwbaar: { base: 3.35, drift: 0.02 },
  persoonlijk: { base: 3.35, drift: 0.06 },
  dichtbij: { base: 3.15, drift: 0.06 },
  samen: { base: 2.6, drift: 0.08 },
};

/** Some behaviours are harder than their value's others (the behaviour chart shows it). */
export const BEHAVIOUR_OFFSET: Record<string, number> = {
  'betrouwbaar-2': 0.1,
  'persoonlijk-3': -0.3,
  'dichtbij-3': -0.3,
  'samen-1': -0.35,
};

/** Teams differ a bit, overall and on a value that fits (or does not fit) their work. */
export const TEAM_SELF: Record<string, { all: number; values?: Record<string, number> }> = {
  Wonen: { all: 0.1 },
  'Wijkteam Noord': { all: 0.08, values: { dichtbij: 0.35 } },
  'Wijkteam Zuid': { all: -0.05, values: { dichtbij: 0.25 } },
  Klantcontactcentrum: { all: 0, values: { dichtbij: -0.2, persoonlijk: 0.1 } },
  Onderhoud: { all: -0.12, values: { samen: 0.15 } },
  Projecten: { all: 0.05, values: { samen: 0.3 } },
};

/** Share of a team that completes (plus 2 points per quarter); the small team's counts are fixed below. */
export const COMPLETION: Record<string, number> = {
  Wonen: 1,
  'Wijkteam Noord': 0.92,
  'Wijkteam Zuid': 0.88,
  Klantcontactcentrum: 0.94,
  Onderhoud: 0.84,
};
export const SMALL_TEAM = 'Projecten';
/** Completed self-assessments of the small team per quarter: always below the anonymity minimum of 5. */
export const SMALL_TEAM_COMPLETED = [4, 3, 4, 4];
export const NOT_APPLICABLE = 0.05;

export const CUSTOMER_PROFILE: Record<string, { base: number; drift: number }> = {
  betrouwbaar: { base: 6.05, drift: 0.04 },
  persoonlijk: { base: 8.5, drift: 0.12 },
  dichtbij: { base: 8.15, drift: 0.1 },
  samen: { base: 7.75, drift: 0.1 },
};

/** Grade effect per touchpoint, by position in the journey: a dip at the confirmation, a peak at the visit. */
export const TOUCHPOINT_EFFECT = [0.1, 0.3, -1.45, 0.65, 0.25];
/** How often each touchpoint is the reason a tenant is asked. */
export const TOUCHPOINT_WEIGHT = [0.2, 0.2, 0.2, 0.25, 0.15];
export const RESPONSES_PER_QUARTER = [165, 185, 205, 225];
/** Share of the responses through the open link (QR code at the desk): no wave, no touchpoint. */
export const OPEN_SHARE = 0.12;
export const RESPONSE_RATE = 0.4;
export const DONT_KNOW = 0.05;
export const MAIN_SEGMENT_SHARE = 0.92;
export const ENGLISH_SHARE = 0.05;
export const COMMENT_SHARE = 0.2;

/** Free-text comments; `touchpoint` is the position it fits, null for any. */
export const COMMENTS: { tone: 'good' | 'bad'; touchpoint: number | null; text: string; locale?: 'en' }[] = [
  { tone: 'good', touchpoint: 3, text: 'De monteur was keurig op tijd.' },
  { tone: 'good', touchpoint: 3, text: 'Fijn dat de monteur uitlegde wat hij ging doen.' },
  { tone: 'good', touchpoint: 3, text: 'Netjes opgeruimd na de reparatie, dank jullie wel!' },
  { tone: 'good', touchpoint: 1, text: 'Vriendelijke medewerker aan de telefoon, ik voelde me gehoord.' },
  { tone: 'good', touchpoint: 4, text: 'Prettig dat jullie nabelden of alles nog goed werkte.' },
  { tone: 'good', touchpoint: 0, text: 'Melden via de website ging snel en eenvoudig.' },
  { tone: 'good', touchpoint: null, text: 'Goed geholpen, verder geen opmerkingen.' },
  { tone: 'good', touchpoint: null, text: 'Fijn dat Vidomes samen met de buren naar een oplossing zocht.' },
  { tone: 'good', touchpoint: null, text: 'Snel geregeld en vriendelijk contact.' },
  { tone: 'bad', touchpoint: 2, text: 'Ik heb geen bevestiging van de afspraak gekregen.' },
  { tone: 'bad', touchpoint: 2, text: 'De bevestiging kwam pas een dag voor de afspraak.' },
  { tone: 'bad', touchpoint: 2, text: 'In de mail stond een andere tijd dan we hadden afgesproken.' },
  { tone: 'bad', touchpoint: 1, text: 'Lang in de wacht gestaan voordat ik iemand sprak.' },
  { tone: 'bad', touchpoint: 3, text: 'De monteur kwam later dan afgesproken en belde niet even.' },
  { tone: 'bad', touchpoint: 0, text: 'Het formulier liep vast toen ik een foto wilde toevoegen.' },
  {
    tone: 'bad',
    touchpoint: null,
    text: 'Er werd beloofd dat ik teruggebeld zou worden, maar dat gebeurde niet.',
  },
  { tone: 'bad', touchpoint: null, text: 'Ik weet nooit precies waar ik aan toe ben.' },
  { tone: 'good', touchpoint: 3, text: 'The repairman was right on time.', locale: 'en' },
  { tone: 'bad', touchpoint: 2, text: 'Nobody confirmed the appointment.', locale: 'en' },
  { tone: 'good', touchpoint: null, text: 'Friendly and helpful, thank you.', locale: 'en' },
];

/** Examples employees give with a value in their self-assessment. */
export const SELF_EXAMPLE_SHARE = 0.15;
export const SELF_EXAMPLES: Record<string, string[]> = {
  betrouwbaar: [
    'Ik heb een huurder eerlijk gezegd dat de reparatie twee weken zou duren, en dat is ook gelukt.',
    'Toen een afspraak niet doorging heb ik de huurder zelf gebeld om het uit te leggen.',
  ],
  persoonlijk: [
    'Ik heb voor een oudere huurder de reparatiemelding samen met haar ingevuld.',
    'Een huurder in een rolstoel kreeg van mij een afspraak op een tijd die voor hem werkte.',
  ],
  dichtbij: [
    'Ik ben langsgegaan in plaats van een brief te sturen over de overlast.',
    'Op het spreekuur in de wijk kwamen deze week zes huurders langs.',
  ],
  samen: [
    'Met de aannemer en de bewoners samen de planning van het schilderwerk gemaakt.',
    'Een huurder met betalingsproblemen in contact gebracht met de schuldhulp van de gemeente.',
  ],
};
