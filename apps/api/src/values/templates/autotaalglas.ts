import { DEFAULT_TARGET_BY_LEVEL } from '@wk/domain';
import { VALUE_TEMPLATE_FORMAT } from '@wk/contracts';
import type { ValueSetTemplate } from '@wk/contracts';
import { behaviours } from './template-helpers';

/**
 * Autotaalglas (car glass repair), a values house of five (docs/domain.md, Examples): base values netjes and
 * specialist (vakmanschap), distinguishing toegewijd and gastvrij (passie), unique attent (aandacht).
 * The behaviours and loadings are an example of how such a house can be loaded.
 */
export const AUTOTAALGLAS_TEMPLATE: ValueSetTemplate = {
  format: VALUE_TEMPLATE_FORMAT,
  name: 'Autotaalglas',
  description: 'Een waardenhuis van vijf: vakmanschap als basis, passie als onderscheid, aandacht als uniek.',
  values: [
    {
      key: 'netjes',
      nameNl: 'Netjes',
      nameEn: 'Tidy',
      descriptionNl: 'De klant krijgt zijn auto schoon en zonder zorgen terug.',
      descriptionEn: 'Customers get their car back clean and without worries.',
      level: 'basis',
      tier: 'base',
      charge: 'rational',
      theme: 'vakmanschap',
      targetGrade: DEFAULT_TARGET_BY_LEVEL.basis,
      questionNl: null,
      questionEn: null,
      loadings: [
        {
          area: 'spaces',
          textNl: 'De werkplaats en de wachtruimte zijn opgeruimd en schoon.',
          textEn: 'The workshop and the waiting area are tidy and clean.',
        },
        {
          area: 'customer_journeys',
          textNl: 'Na afloop krijgt de klant de auto gestofzuigd terug, zonder glasresten in het interieur.',
          textEn: 'After the job customers get their car back vacuumed, with no glass splinters inside.',
        },
      ],
      behaviours: behaviours('netjes', [
        ['laat de auto schoner achter dan ik hem aantrof', 'leave the car cleaner than I found it'],
        [
          'werk met beschermhoezen op stoelen en stuur',
          'work with protective covers on seats and steering wheel',
        ],
      ]),
    },
    {
      key: 'specialist',
      nameNl: 'Specialist',
      nameEn: 'Specialist',
      descriptionNl: 'Wij weten alles van autoruiten; de klant kan op ons oordeel vertrouwen.',
      descriptionEn: 'We know everything about car glass; customers can rely on our judgement.',
      level: 'basis',
      tier: 'base',
      charge: 'rational',
      theme: 'vakmanschap',
      targetGrade: DEFAULT_TARGET_BY_LEVEL.basis,
      questionNl: null,
      questionEn: null,
      loadings: [
        {
          area: 'website',
          textNl:
            'De website legt uit wanneer een ster gerepareerd kan worden en wanneer de ruit vervangen moet.',
          textEn:
            'The website explains when a chip can be repaired and when the windscreen must be replaced.',
        },
        {
          area: 'documents',
          textNl: "Het reparatierapport laat met foto's zien wat er is gedaan en welk glas is gebruikt.",
          textEn: 'The repair report shows with photos what was done and which glass was used.',
        },
      ],
      behaviours: behaviours('specialist', [
        [
          'leg in gewone woorden uit wat ik ga doen en waarom',
          'explain in plain words what I will do and why',
        ],
        [
          'repareer waar het kan en vervang alleen waar het moet',
          'repair where possible and replace only where needed',
        ],
        ['houd mijn vakkennis bij', 'keep my craft knowledge up to date'],
      ]),
    },
    {
      key: 'toegewijd',
      nameNl: 'Toegewijd',
      nameEn: 'Dedicated',
      descriptionNl: 'We gaan ervoor tot de klant weer veilig en zonder gedoe op weg is.',
      descriptionEn: 'We keep going until customers are back on the road, safely and without hassle.',
      level: 'gemak',
      tier: 'distinguishing',
      charge: 'emotional',
      theme: 'passie',
      targetGrade: DEFAULT_TARGET_BY_LEVEL.gemak,
      questionNl: null,
      questionEn: null,
      loadings: [
        {
          area: 'customer_journeys',
          textNl: 'De klant kiest zelf of we in de werkplaats, thuis of op het werk komen.',
          textEn: 'Customers choose whether we work in the workshop, at home or at their work.',
        },
        {
          area: 'other',
          textNl:
            'Komt een ruit niet op tijd binnen, dan belt de vestiging de klant zelf met een nieuw voorstel.',
          textEn:
            'If a windscreen does not arrive in time, the branch calls the customer itself with a new proposal.',
        },
      ],
      behaviours: behaviours('toegewijd', [
        [
          'regel de schade met de verzekeraar zodat de klant dat niet hoeft',
          'settle the claim with the insurer so the customer does not have to',
        ],
        ['maak af wat ik begin, ook als het tegenzit', 'finish what I start, also when things go wrong'],
      ]),
    },
    {
      key: 'gastvrij',
      nameNl: 'Gastvrij',
      nameEn: 'Hospitable',
      descriptionNl: 'Wie bij ons binnenkomt, voelt zich welkom.',
      descriptionEn: 'Whoever comes in feels welcome.',
      level: 'persoonlijk',
      tier: 'distinguishing',
      charge: 'emotional',
      theme: 'passie',
      targetGrade: DEFAULT_TARGET_BY_LEVEL.persoonlijk,
      questionNl: null,
      questionEn: null,
      loadings: [
        {
          area: 'spaces',
          textNl: 'In de wachtruimte zijn koffie, wifi en een plek om te werken.',
          textEn: 'The waiting area has coffee, wifi and a place to work.',
        },
        {
          area: 'customer_journeys',
          textNl:
            'Wie zonder afspraak binnenloopt, wordt meteen geholpen of krijgt een tijd waarop het wel kan.',
          textEn: 'Walk-in customers are helped at once or given a time that does work.',
        },
      ],
      behaviours: behaviours('gastvrij', [
        ['begroet iedere klant binnen een minuut', 'greet every customer within a minute'],
        [
          'bied de klant iets te drinken en een plek om te wachten',
          'offer customers a drink and a place to wait',
        ],
      ]),
    },
    {
      key: 'attent',
      nameNl: 'Attent',
      nameEn: 'Attentive',
      descriptionNl: 'We zien wat de klant nodig heeft voordat hij erom vraagt.',
      descriptionEn: 'We see what customers need before they ask.',
      level: 'verrassend',
      tier: 'unique',
      charge: 'emotional',
      theme: 'aandacht',
      targetGrade: DEFAULT_TARGET_BY_LEVEL.verrassend,
      questionNl: null,
      questionEn: null,
      loadings: [
        {
          area: 'other',
          textNl: 'Na de reparatie belt de monteur de klant een dag later om te horen of alles goed is.',
          textEn: 'A day after the repair the fitter calls the customer to hear whether all is well.',
        },
        {
          area: 'documents',
          textNl:
            'De bevestigingsmail noemt de naam van de monteur die komt en wat de klant kan klaarzetten.',
          textEn: 'The confirmation e-mail names the fitter who is coming and what the customer can prepare.',
        },
      ],
      behaviours: behaviours('attent', [
        [
          'let op wat de klant nog meer nodig heeft en bied het aan',
          'notice what else the customer needs and offer it',
        ],
        ['verras de klant met een kleine extra', 'surprise the customer with a small extra'],
      ]),
    },
  ],
};
