import { DEFAULT_TARGET_BY_LEVEL } from '@wk/domain';
import { VALUE_TEMPLATE_FORMAT } from '@wk/contracts';
import type { ValueSetTemplate } from '@wk/contracts';
import { behaviours } from './template-helpers';

/** Woningcorporatie Vidomes (Delft): the four values and their behaviours exactly as docs/domain.md, "Loading the values". */
export const VIDOMES_TEMPLATE: ValueSetTemplate = {
  format: VALUE_TEMPLATE_FORMAT,
  name: 'Vidomes',
  description:
    'De vier belevingswaarden van woningcorporatie Vidomes (Delft), geladen met gedrag van medewerkers.',
  values: [
    {
      key: 'betrouwbaar',
      nameNl: 'Betrouwbaar',
      nameEn: 'Reliable',
      descriptionNl:
        'De huurder weet waar hij aan toe is: we zijn eerlijk over wat kan en doen wat we zeggen.',
      descriptionEn:
        'Tenants know where they stand: we are honest about what is possible and do what we say.',
      level: 'basis',
      tier: 'base',
      charge: 'rational',
      theme: null,
      targetGrade: DEFAULT_TARGET_BY_LEVEL.basis,
      questionNl: null,
      questionEn: null,
      loadings: [
        {
          area: 'customer_journeys',
          textNl: 'Bij elke reparatieaanvraag hoort de huurder wanneer we komen, en we komen dan ook.',
          textEn: 'With every repair request tenants hear when we will come, and then we do come.',
        },
        {
          area: 'documents',
          textNl: 'Brieven zeggen in gewone taal wat de huurder kan verwachten en wanneer.',
          textEn: 'Letters say in plain language what tenants can expect and when.',
        },
      ],
      behaviours: behaviours('betrouwbaar', [
        [
          'ben helder en eerlijk in wat de klant kan verwachten',
          'am clear and honest about what the customer can expect',
        ],
        ['kom gemaakte afspraken na', 'keep the agreements I make'],
        ['ben Vidomes', 'am Vidomes'],
      ]),
    },
    {
      key: 'persoonlijk',
      nameNl: 'Persoonlijk',
      nameEn: 'Personal',
      descriptionNl:
        'De huurder voelt zich gekend en gehoord: we kijken naar de mens, niet alleen naar het dossier.',
      descriptionEn: 'Tenants feel known and heard: we look at the person, not only at the file.',
      level: 'persoonlijk',
      tier: 'distinguishing',
      charge: 'emotional',
      theme: null,
      targetGrade: DEFAULT_TARGET_BY_LEVEL.persoonlijk,
      questionNl: null,
      questionEn: null,
      loadings: [
        {
          area: 'customer_journeys',
          textNl: 'Een nieuwe huurder krijgt een vaste contactpersoon die hem bij naam kent.',
          textEn: 'A new tenant gets a personal contact who knows them by name.',
        },
        {
          area: 'spaces',
          textNl: 'Aan de balie is ruimte voor een gesprek zonder dat anderen meeluisteren.',
          textEn: 'At the desk there is room for a conversation without others listening in.',
        },
      ],
      behaviours: behaviours('persoonlijk', [
        ['heb alle aandacht voor de klant', 'give the customer my full attention'],
        [
          'verdiep me in en hou rekening met de individuele klant',
          'take the trouble to understand the individual customer and take them into account',
        ],
        ["hanteer 'klant boven regels'", "put 'the customer above the rules'"],
      ]),
    },
    {
      key: 'dichtbij',
      nameNl: 'Dichtbij',
      nameEn: 'Close by',
      descriptionNl: 'We zijn makkelijk te bereiken en zichtbaar in de wijk, niet alleen op afspraak.',
      descriptionEn: 'We are easy to reach and visible in the neighbourhood, not only by appointment.',
      level: 'persoonlijk',
      tier: 'distinguishing',
      charge: 'emotional',
      theme: null,
      targetGrade: DEFAULT_TARGET_BY_LEVEL.persoonlijk,
      questionNl: null,
      questionEn: null,
      loadings: [
        {
          area: 'spaces',
          textNl: 'Het wijkteam houdt wekelijks spreekuur in een ruimte in de wijk.',
          textEn: 'The neighbourhood team holds a weekly drop-in in a space in the neighbourhood.',
        },
        {
          area: 'website',
          textNl: 'Op de website staat per wijk wie de huurder kan bellen, met foto en telefoonnummer.',
          textEn: 'The website shows per neighbourhood whom tenants can call, with photo and phone number.',
        },
      ],
      behaviours: behaviours('dichtbij', [
        ['ben bereikbaar', 'am easy to reach'],
        [
          'ga langs/bel als het kan en mail/schrijf als het moet',
          'visit or call when I can, and e-mail or write when I must',
        ],
        ['ben zichtbaar aanwezig in de wijk', 'am visibly present in the neighbourhood'],
      ]),
    },
    {
      key: 'samen',
      nameNl: 'Samen',
      nameEn: 'Together',
      descriptionNl: 'We doen het met de huurder en met onze partners, niet over de huurder.',
      descriptionEn: 'We work with tenants and with our partners, not over their heads.',
      level: 'gemak',
      tier: 'distinguishing',
      charge: 'rational',
      theme: null,
      targetGrade: DEFAULT_TARGET_BY_LEVEL.gemak,
      questionNl: null,
      questionEn: null,
      loadings: [
        {
          area: 'customer_journeys',
          textNl: 'Bij renovatie beslist een klankbordgroep van huurders mee over planning en keuzes.',
          textEn: 'In renovations a sounding board of tenants helps decide the planning and choices.',
        },
        {
          area: 'other',
          textNl: 'Met zorg- en welzijnspartners spreken we één aanspreekpunt per huishouden af.',
          textEn: 'With care and welfare partners we agree on one point of contact per household.',
        },
      ],
      behaviours: behaviours('samen', [
        [
          'betrek klanten vroeg bij keuzes en maatregelen (co-creatie)',
          'involve customers early in choices and measures (co-creation)',
        ],
        [
          "werk goed samen met collega's en partners voor de klant",
          'work well with colleagues and partners for the customer',
        ],
        ['help klanten op weg naar partners', 'help customers find their way to partners'],
      ]),
    },
  ],
};
