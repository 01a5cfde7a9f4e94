import { DEFAULT_TARGET_BY_LEVEL } from '@wk/domain';
import { VALUE_TEMPLATE_FORMAT } from '@wk/contracts';
import type { ValueSetTemplate } from '@wk/contracts';
import { behaviours } from './template-helpers';

/** Three of Arval's five values (car leasing, docs/domain.md, Examples): culture words tied to the experience. */
export const ARVAL_TEMPLATE: ValueSetTemplate = {
  format: VALUE_TEMPLATE_FORMAT,
  name: 'Arval',
  description:
    'Drie van de vijf waarden van Arval (autolease): cultuurwoorden vertaald naar de klantbeleving.',
  values: [
    {
      key: 'hostmanship',
      nameNl: 'Hostmanship',
      nameEn: 'Hostmanship',
      descriptionNl: 'De klant voelt zich welkom, als gast en niet als dossiernummer.',
      descriptionEn: 'Customers feel welcome, as a guest and not as a file number.',
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
          textNl: 'Bij de aflevering van een leaseauto neemt de adviseur de tijd om alles uit te leggen.',
          textEn: 'When a lease car is delivered, the adviser takes the time to explain everything.',
        },
        {
          area: 'spaces',
          textNl:
            'Bij het afleverpunt staat de nieuwe auto klaar met een welkomstkaart op naam van de berijder.',
          textEn: "At the delivery point the new car is ready with a welcome card in the driver's name.",
        },
      ],
      behaviours: behaviours('hostmanship', [
        ['geef de berijder het gevoel dat hij welkom is', 'make the driver feel welcome'],
        ['neem de tijd voor de vraag achter de vraag', 'take time for the question behind the question'],
      ]),
    },
    {
      key: 'heb-ik-voor-je-gedaan',
      nameNl: 'Heb ik voor je gedaan',
      nameEn: 'Done that for you',
      descriptionNl: 'We regelen het al voordat de klant erom hoeft te vragen.',
      descriptionEn: 'We arrange it before customers need to ask.',
      level: 'gemak',
      tier: 'distinguishing',
      charge: 'rational',
      theme: null,
      targetGrade: DEFAULT_TARGET_BY_LEVEL.gemak,
      questionNl: null,
      questionEn: null,
      loadings: [
        {
          area: 'documents',
          textNl: 'De onderhoudsherinnering komt met een voorstel voor een afspraak, niet met een opdracht.',
          textEn: 'The service reminder comes with a proposed appointment, not with an instruction.',
        },
        {
          area: 'website',
          textNl: 'In de berijdersapp ziet de berijder welke afspraken we al voor hem hebben ingepland.',
          textEn: 'In the driver app drivers see which appointments we have already scheduled for them.',
        },
      ],
      behaviours: behaviours('heb-ik-voor-je-gedaan', [
        [
          'signaleer wat de klant straks nodig heeft en regel het alvast',
          'spot what the customer will need and arrange it already',
        ],
        [
          'laat de klant weten wat ik al voor hem heb gedaan',
          'let customers know what I have already done for them',
        ],
      ]),
    },
    {
      key: 'contact-boven-contract',
      nameNl: 'Contact boven contract',
      nameEn: 'Contact over contract',
      descriptionNl: 'De relatie op lange termijn gaat voor; we verschuilen ons niet achter het contract.',
      descriptionEn: 'The long-term relationship comes first; we do not hide behind the contract.',
      level: 'persoonlijk',
      tier: 'unique',
      charge: 'emotional',
      theme: null,
      targetGrade: DEFAULT_TARGET_BY_LEVEL.persoonlijk,
      questionNl: null,
      questionEn: null,
      loadings: [
        {
          area: 'customer_journeys',
          textNl:
            'Bij schade of een geschil zoeken we eerst een oplossing met de klant, dan pas de kleine lettertjes.',
          textEn:
            'With damage or a dispute we first look for a solution with the customer, only then at the small print.',
        },
        {
          area: 'documents',
          textNl: 'De eindafrekening legt elke post uit en noemt een vaste contactpersoon om mee te bellen.',
          textEn: 'The final statement explains every item and names a contact person to call.',
        },
      ],
      behaviours: behaviours('contact-boven-contract', [
        [
          'zoek eerst de oplossing en dan pas de regel',
          'look for the solution first and only then for the rule',
        ],
        [
          'bel de klant op als er iets misgaat, voordat hij ons belt',
          'call the customer when something goes wrong, before they call us',
        ],
      ]),
    },
  ],
};
