import type { ValueReading } from './guidance';
import { fillWords, READING_WORDS, readingText } from './reading-text';

const base: ValueReading = { kind: 'blindSpot', selfIndex: 82.4, customerIndex: 55.2, customerN: 40 };
const figures = { valueName: 'Betrouwbaar', grade: 5.96, target: 7.5, reliabilityMinimum: 30 };

describe('readingText (the reading in words, for dashboard and board report)', () => {
  const cases: [string, ValueReading, 'nl' | 'en', string][] = [
    ['blind spot NL', base, 'nl', 'Betrouwbaar is een blinde vlek: medewerkers 82, klanten 55.'],
    ['blind spot EN', base, 'en', 'Betrouwbaar is a blind spot: employees 82, customers 55.'],
    [
      'hidden strength',
      { ...base, kind: 'hiddenStrength', selfIndex: 40, customerIndex: 70 },
      'nl',
      'Betrouwbaar is een verborgen kracht: klanten 70, medewerkers 40.',
    ],
    [
      'below target, Dutch decimal comma',
      { ...base, kind: 'belowTarget' },
      'nl',
      'Betrouwbaar staat onder doel: klantcijfer 6,0, doel 7,5.',
    ],
    [
      'below target, English decimal point',
      { ...base, kind: 'belowTarget' },
      'en',
      'Betrouwbaar is below target: customer grade 6.0, target 7.5.',
    ],
    [
      'too few answers names n and the minimum',
      { kind: 'tooFewAnswers', selfIndex: null, customerIndex: null, customerN: 3 },
      'nl',
      'Betrouwbaar: nog te weinig klantantwoorden voor een oordeel (n = 3, minimaal 30).',
    ],
    [
      'with lowest touchpoint and weakest behaviour (English text where there is one)',
      {
        ...base,
        lowestTouchpoint: { id: 't', name: 'Bevestiging', grade: 4.25, n: 35 },
        weakestBehaviour: { key: 'b', text: 'kom afspraken na', textEn: 'keeps promises', mean: 2.125 },
      },
      'en',
      'Betrouwbaar is a blind spot: employees 82, customers 55. Lowest at touchpoint Bevestiging (4.3). Weakest behaviour: ‘keeps promises’ (2.13 of 4).',
    ],
  ];
  it.each(cases)('%s', (_, reading, locale, expected) => {
    expect(readingText(reading, figures, locale)).toBe(expected);
  });

  it('has the same sentences in both languages, and every placeholder gets filled', () => {
    expect(Object.keys(READING_WORDS.en).sort()).toEqual(Object.keys(READING_WORDS.nl).sort());
    for (const kind of ['blindSpot', 'hiddenStrength', 'belowTarget', 'aligned', 'onTarget'] as const)
      for (const locale of ['nl', 'en'] as const)
        expect(readingText({ ...base, kind }, figures, locale)).not.toContain('{{');
  });

  it('leaves an unknown placeholder visible', () => {
    expect(fillWords('{{a}} en {{b}}', { a: 1 })).toBe('1 en {{b}}');
  });
});
