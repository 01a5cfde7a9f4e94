import type { ValueReading } from './guidance';
import { localized } from './localized';
import { formatNumber } from './number-format';
import type { Locale } from './organisation-settings';

/**
 * The generated reading of a value in words (issue 17, item 3), in one place for the dashboard
 * (its i18n dictionaries take these templates) and the board report PDF. `{{name}}` placeholders,
 * as i18next writes them.
 */
export interface ReadingWords {
  blindSpot: string;
  hiddenStrength: string;
  belowTarget: string;
  aligned: string;
  onTarget: string;
  tooFewAnswers: string;
  lowestTouchpoint: string;
  weakestBehaviour: string;
}

export const READING_WORDS: Record<Locale, ReadingWords> = {
  nl: {
    blindSpot: '{{value}} is een blinde vlek: medewerkers {{self}}, klanten {{customer}}.',
    hiddenStrength: '{{value}} is een verborgen kracht: klanten {{customer}}, medewerkers {{self}}.',
    belowTarget: '{{value}} staat onder doel: klantcijfer {{grade}}, doel {{target}}.',
    aligned: '{{value}}: medewerkers en klanten zien hetzelfde (medewerkers {{self}}, klanten {{customer}}).',
    onTarget: '{{value}} staat op koers: klantcijfer {{grade}}, doel {{target}}.',
    tooFewAnswers:
      '{{value}}: nog te weinig klantantwoorden voor een oordeel (n = {{n}}, minimaal {{minimum}}).',
    lowestTouchpoint: 'Laagst bij contactmoment {{name}} ({{grade}}).',
    weakestBehaviour: 'Zwakste gedrag: ‘{{text}}’ ({{score}} van 4).',
  },
  en: {
    blindSpot: '{{value}} is a blind spot: employees {{self}}, customers {{customer}}.',
    hiddenStrength: '{{value}} is a hidden strength: customers {{customer}}, employees {{self}}.',
    belowTarget: '{{value}} is below target: customer grade {{grade}}, target {{target}}.',
    aligned: '{{value}}: employees and customers see the same (employees {{self}}, customers {{customer}}).',
    onTarget: '{{value}} is on target: customer grade {{grade}}, target {{target}}.',
    tooFewAnswers: '{{value}}: too few customer answers for a verdict yet (n = {{n}}, at least {{minimum}}).',
    lowestTouchpoint: 'Lowest at touchpoint {{name}} ({{grade}}).',
    weakestBehaviour: 'Weakest behaviour: ‘{{text}}’ ({{score}} of 4).',
  },
};

/** Fills `{{name}}` placeholders; an unknown one stays as written (a visible mistake, not an empty hole). */
export function fillWords(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export interface ReadingFigures {
  /** The value's name in the reader's language. */
  valueName: string;
  /** The customer grade (1-10) of the row the reading was made of. */
  grade: number | null;
  target: number;
  reliabilityMinimum: number;
}

/**
 * The reading as one paragraph: its main sentence, then the lowest touchpoint and the weakest
 * behaviour where the reading has them. Numbers in the reader's language ("6,1", "6.1").
 */
export function readingText(reading: ValueReading, figures: ReadingFigures, locale: Locale): string {
  const words = READING_WORDS[locale];
  const num = (v: number | null, kind: 'index' | 'grade') =>
    v === null ? '–' : formatNumber(v, kind, locale);
  const parts = [
    fillWords(words[reading.kind], {
      value: figures.valueName,
      self: num(reading.selfIndex, 'index'),
      customer: num(reading.customerIndex, 'index'),
      grade: num(figures.grade, 'grade'),
      target: formatNumber(figures.target, 'grade', locale),
      n: reading.customerN,
      minimum: figures.reliabilityMinimum,
    }),
  ];
  const tp = reading.lowestTouchpoint;
  if (tp) parts.push(fillWords(words.lowestTouchpoint, { name: tp.name, grade: num(tp.grade, 'grade') }));
  const b = reading.weakestBehaviour;
  if (b)
    parts.push(
      fillWords(words.weakestBehaviour, {
        text: localized(b.text, b.textEn, locale),
        score: formatNumber(b.mean, 'self', locale),
      }),
    );
  return parts.join(' ');
}
