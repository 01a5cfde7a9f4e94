/** Dutch texts of the team view (issue 17 item 5); part of `nl.ts`. */
export const teamViewNl = {
  intro:
    'Zelfbeoordeling, klantcijfer en kloof van het team per waarde, met de trend, naast de organisatie en de zusterteams; de zwakste gedragingen, wat klanten zeggen en de acties van het team.',
  noPeriods: 'Dit team deed nog niet mee aan een meting van deze soort. Kies een andere soort periode.',
  valuesTitle: 'Het team per waarde',
  valuesIntro:
    'Klantcijfer (1-10) en zelfbeoordeling (1-4) elk op hun eigen schaal, met de index (0-100) ernaast; de kloof is klantindex min zelfindex.',
  readingsTitle: 'Wat valt op in dit team',
  trendValue: 'Waarde in de trend',
  siblings: {
    title: 'Team naast organisatie en zusterteams',
    intro:
      'Het team, de hele organisatie en de spreiding van de zusterteams (laagste tot hoogste). Alleen groepen die groot genoeg zijn tellen mee.',
    label:
      'Staafdiagram per waarde: het team, de organisatie en een balk van het laagste tot het hoogste zusterteam.',
    metric: 'Getal',
    grade: 'Klantcijfer',
    self: 'Zelfbeoordeling',
    team: 'Team',
    organisation: 'Organisatie',
    range: 'Zusterteams (laagste–hoogste)',
    lowest: 'Laagste zusterteam',
    highest: 'Hoogste zusterteam',
    shown: 'Zusterteams getoond',
    withheld: 'Zusterteams zonder getal',
    rank: 'Plaats',
    rankOf: '{{rank}} van {{count}}',
    none: 'Dit team heeft geen zusterteams.',
    withheldNote:
      '{{count}} zusterteams tellen niet mee: geen of te weinig antwoorden, of afgeschermd om een kleinere groep te beschermen.',
    unnamedNote: 'Zusterteams die je niet beheert, tonen we zonder naam en alleen als er minstens twee zijn.',
    named: 'Zusterteams',
    provisional: 'Het klantcijfer van het team is voorlopig: minder dan {{minimum}} antwoorden.',
  },
  participation: {
    title: 'Deelname per meting',
    intro:
      'Respons per zelfbeoordelingscyclus; metingen van verschillende cycli tellen we niet bij elkaar op.',
    parts: '{{completed}} van {{invited}} ingevuld',
    none: 'Geen zelfbeoordeling in deze periode.',
  },
  comments: {
    title: 'Opmerkingen van klanten',
    intro:
      'Bij de contactmomenten van dit team. Alleen groepen (team × contactmoment × maand) met minstens {{minimum}} antwoorden.',
    none: 'Geen opmerkingen in deze periode.',
    withheld: '{{count}} antwoorden in kleinere groepen: hun opmerkingen tonen we niet.',
    calendarOnly: 'Opmerkingen staan per maand of kwartaal: kies een maand of kwartaal.',
    noTouchpoint: 'geen contactmoment',
    more: 'Alle opmerkingen lezen',
  },
  actions: {
    title: 'Acties van het team',
    intro:
      'Afspraken op cijfers van dit team (bij een afdeling ook van de teams eronder), met hun status en of ze hebben gewerkt.',
    none: 'Nog geen acties voor dit team.',
    effect: 'Effect',
    effects: {
      pending: 'nog niet gemeten',
      improved: 'verbeterd',
      no_change: 'geen meetbaar verschil',
      worse: 'verslechterd',
      insufficient: 'te weinig antwoorden',
    },
    due: 'klaar op {{date}}',
  },
};
