/** Dutch texts of the help page on anonymity; part of `nl.ts`. */
export const helpNl = {
  anonymity: {
    title: 'Hoe we anonimiteit beschermen',
    intro:
      'Waardenkompas laat zien hoe groepen scoren, nooit wat één persoon antwoordde. Deze regels gelden voor elk dashboard, elke export en elke koppeling, voor iedere rol.',
    employeesTitle: 'Zelfbeoordelingen van medewerkers',
    employees: [
      'Een gemiddelde of verdeling verschijnt pas bij minstens {{minimum}} mensen met een beoordeling (n.v.t. telt niet mee). Daaronder staat "te weinig antwoorden".',
      'Wat zichtbaar is, is voor iedereen hetzelfde: per waarde en periode wordt één keer bepaald welke teams getoond worden, over de hele teamboom. Daarom kan niemand door twee cijfers van elkaar af te trekken de score van een kleinere groep uitrekenen; soms wordt daarvoor ook een groter team verborgen ("aanvullend verborgen").',
      'Iemand die in een maand of kwartaal meerdere rondes invulde, telt één keer mee (eerst het eigen gemiddelde).',
      'Cijfers van een ronde verschijnen pas als de ronde gesloten is, zodat je niet na elk antwoord kunt zien wat er veranderde. Wie nog niet heeft ingevuld, ziet HR wel: dat zijn namen, geen antwoorden.',
      'Per gedraging zie je aandelen per niveau, geen aantallen.',
      'Je eigen antwoorden zie alleen jij. In een beoordelingsgesprek ziet je leidinggevende ze alleen als je dat zelf kiest, en alleen daar.',
    ],
    customersTitle: 'Klanten',
    customers: [
      'Een klantantwoord is niet terug te voeren op het e-mailadres of de uitnodiging: van het antwoord wordt alleen de dag bewaard, van de uitnodiging alleen óf die beantwoord is.',
      'Contactgegevens worden verwijderd zodra een golf sluit (of na de bewaartermijn van de organisatie).',
      'Opmerkingen van klanten zijn alleen te lezen en te exporteren uit groepen met genoeg antwoorden.',
    ],
    settings: 'Het minimum is een instelling van de organisatie (nu {{minimum}}, nooit lager dan 3).',
  },
};
