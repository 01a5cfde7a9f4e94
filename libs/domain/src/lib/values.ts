/**
 * Experience values (belevingswaarden) and their loading: the shape of a value set, its defaults
 * and the rules a version must meet to be published (docs/domain.md; targets in docs/formulas.md).
 * Pure: the api validates with it before writing, the web shows the same messages inline.
 */

import { localized } from './localized';

/** The experience pyramid, bottom to top. */
export const PYRAMID_LEVELS = ['basis', 'gemak', 'persoonlijk', 'verrassend'] as const;
export type PyramidLevel = (typeof PYRAMID_LEVELS)[number];

/** Where a value sits in a values house: the basics, what sets the organisation apart, what is unique. */
export const VALUE_TIERS = ['base', 'distinguishing', 'unique'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

export const VALUE_CHARGES = ['rational', 'emotional'] as const;
export type ValueCharge = (typeof VALUE_CHARGES)[number];

/** Organisation-level loading: what the value means for everything the customer touches. */
export const LOADING_AREAS = ['customer_journeys', 'spaces', 'documents', 'website', 'other'] as const;
export type LoadingArea = (typeof LOADING_AREAS)[number];

/** Default recognition target by pyramid level: the rational basics earn a 7-8, the emotional top a 9-10. */
export const DEFAULT_TARGET_BY_LEVEL: Record<PyramidLevel, number> = {
  basis: 7.5,
  gemak: 7.5,
  persoonlijk: 8.5,
  verrassend: 8.5,
};

/** The typical charge of a level, a sensible default when a value is added. */
export const DEFAULT_CHARGE_BY_LEVEL: Record<PyramidLevel, ValueCharge> = {
  basis: 'rational',
  gemak: 'rational',
  persoonlijk: 'emotional',
  verrassend: 'emotional',
};

export const DEFAULT_RECOGNITION_QUESTION = {
  nl: "In welke mate herkent u '{waarde}' in onze dienstverlening?",
  en: "To what extent do you recognise '{value}' in our service?",
} as const;

export const VALUE_LIMITS = {
  keyLength: 60,
  nameLength: 80,
  themeLength: 80,
  descriptionLength: 1000,
  questionLength: 300,
  behaviourLength: 200,
  loadingLength: 300,
  behavioursPerValue: 12,
  loadingsPerValue: 20,
  valuesPerSet: 12,
  /** Above this many values each one loses force (docs/domain.md: "4 to 6 works best"). */
  recommendedMaxValues: 6,
  targetMin: 1,
  targetMax: 10,
} as const;

export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface BehaviourDraft {
  key: string;
  /** The behaviour of the previous version this one continues (a rewording keeps its own key). */
  continuesKey: string | null;
  textNl: string;
  textEn: string;
}

export interface LoadingDraft {
  area: LoadingArea;
  textNl: string;
  textEn: string;
}

export interface ValueDraft {
  key: string;
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  level: PyramidLevel;
  tier: ValueTier;
  charge: ValueCharge;
  theme: string | null;
  targetGrade: number;
  /** `null` uses DEFAULT_RECOGNITION_QUESTION. */
  questionNl: string | null;
  questionEn: string | null;
  loadings: LoadingDraft[];
  behaviours: BehaviourDraft[];
}

export interface ValueSetContent {
  values: ValueDraft[];
}

export interface RuleMessage {
  /** Path in the document, e.g. `values[1].behaviours`; the api returns it as the field of a 400. */
  field: string;
  code: RuleCode;
  message: string;
}

export type RuleCode =
  | 'no_values'
  | 'no_behaviours'
  | 'duplicate_key'
  | 'duplicate_name'
  | 'duplicate_behaviour_key'
  | 'unknown_continued_behaviour'
  | 'too_many_values';

/** Lower-case ASCII slug for keys: "Klant boven regels!" → "klant-boven-regels". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, VALUE_LIMITS.keyLength)
    .replace(/-+$/, '');
}

/** A key from `base` not in `taken`: "dichtbij", "dichtbij-2", ... */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const root = slugify(base) || 'waarde';
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${root.slice(0, VALUE_LIMITS.keyLength - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** The recognition question a customer sees for a value, in a language. */
export function recognitionQuestion(
  value: Pick<ValueDraft, 'nameNl' | 'nameEn' | 'questionNl' | 'questionEn'>,
  locale: 'nl' | 'en',
): string {
  const name = localized(value.nameNl, value.nameEn, locale);
  const own = locale === 'en' ? value.questionEn : value.questionNl;
  const template = own || DEFAULT_RECOGNITION_QUESTION[locale];
  return template.replace(/\{(waarde|value)\}/g, name.toLocaleLowerCase(locale));
}

/** A new, empty value at a level, with that level's defaults. */
export function newValue(nameNl: string, level: PyramidLevel, takenKeys: Iterable<string>): ValueDraft {
  return {
    key: uniqueKey(nameNl, takenKeys),
    nameNl,
    nameEn: '',
    descriptionNl: '',
    descriptionEn: '',
    level,
    tier: level === 'basis' ? 'base' : 'distinguishing',
    charge: DEFAULT_CHARGE_BY_LEVEL[level],
    theme: null,
    targetGrade: DEFAULT_TARGET_BY_LEVEL[level],
    questionNl: null,
    questionEn: null,
    loadings: [],
    behaviours: [],
  };
}

const norm = (name: string) => name.trim().toLocaleLowerCase('nl');

/**
 * Rules that hold for every saved version, draft or not: keys and names unique.
 * `previousBehaviourKeys` (the published version's) checks what a behaviour says it continues.
 */
export function structuralErrors(
  content: ValueSetContent,
  previousBehaviourKeys: Iterable<string> = [],
): RuleMessage[] {
  const errors: RuleMessage[] = [];
  const keys = new Map<string, number>();
  const names = new Map<string, number>();
  const behaviourKeys = new Map<string, string>();
  const previous = new Set(previousBehaviourKeys);
  content.values.forEach((value, i) => {
    const at = `values[${i}]`;
    if (keys.has(value.key)) {
      errors.push({
        field: `${at}.key`,
        code: 'duplicate_key',
        message: `key '${value.key}' is already used by value ${keys.get(value.key)! + 1}`,
      });
    } else keys.set(value.key, i);
    const name = norm(value.nameNl);
    if (name && names.has(name)) {
      errors.push({
        field: `${at}.nameNl`,
        code: 'duplicate_name',
        message: `name '${value.nameNl.trim()}' is already used by value ${names.get(name)! + 1}`,
      });
    } else if (name) names.set(name, i);
    value.behaviours.forEach((behaviour, j) => {
      const field = `${at}.behaviours[${j}]`;
      const owner = behaviourKeys.get(behaviour.key);
      if (owner) {
        errors.push({
          field: `${field}.key`,
          code: 'duplicate_behaviour_key',
          message: `behaviour key '${behaviour.key}' is already used at ${owner}`,
        });
      } else behaviourKeys.set(behaviour.key, field);
      if (behaviour.continuesKey && !previous.has(behaviour.continuesKey)) {
        errors.push({
          field: `${field}.continuesKey`,
          code: 'unknown_continued_behaviour',
          message: `'${behaviour.continuesKey}' is not a behaviour of the published version`,
        });
      }
    });
  });
  return errors;
}

export interface PublishCheck {
  errors: RuleMessage[];
  warnings: RuleMessage[];
  canPublish: boolean;
}

/** Everything that must hold before a version is published, plus advice that does not block it. */
export function checkForPublish(
  content: ValueSetContent,
  previousBehaviourKeys: Iterable<string> = [],
): PublishCheck {
  const errors: RuleMessage[] = [];
  if (content.values.length === 0) {
    errors.push({ field: 'values', code: 'no_values', message: 'a version needs at least one value' });
  }
  content.values.forEach((value, i) => {
    if (value.behaviours.length === 0) {
      errors.push({
        field: `values[${i}].behaviours`,
        code: 'no_behaviours',
        message: `'${value.nameNl}' needs at least one behaviour`,
      });
    }
  });
  errors.push(...structuralErrors(content, previousBehaviourKeys));
  const warnings: RuleMessage[] =
    content.values.length > VALUE_LIMITS.recommendedMaxValues
      ? [
          {
            field: 'values',
            code: 'too_many_values',
            message: `${content.values.length} values: at most 4-6 keeps each value strong`,
          },
        ]
      : [];
  return { errors, warnings, canPublish: errors.length === 0 };
}
