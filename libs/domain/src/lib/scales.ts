/** The employee self-assessment scale (docs/formulas.md, "Scales"). `null` is "n.v.t." and never scores. */
export const SELF_LEVELS = [1, 2, 3, 4] as const;
export type SelfLevel = (typeof SELF_LEVELS)[number];

export const SELF_LEVEL_LABELS: Record<SelfLevel, { nl: string; en: string }> = {
  1: { nl: 'Sterk verbeterbaar', en: 'Strongly improvable' },
  2: { nl: 'Verbeterbaar', en: 'Improvable' },
  3: { nl: 'Goed', en: 'Good' },
  4: { nl: 'Voorbeeldfunctie', en: 'Role model' },
};

/** What each level means, in one short line, shown where an employee answers. */
export const SELF_LEVEL_DESCRIPTIONS: Record<SelfLevel, { nl: string; en: string }> = {
  1: { nl: 'Dit gedrag laat ik (bijna) nooit zien.', en: 'I (almost) never show this behaviour.' },
  2: {
    nl: 'Ik laat dit gedrag soms zien, nog niet vanzelf.',
    en: 'I show this behaviour sometimes, not yet as a habit.',
  },
  3: { nl: 'Ik laat dit gedrag meestal zien.', en: 'I usually show this behaviour.' },
  4: {
    nl: 'Ik laat dit gedrag altijd zien; anderen kunnen het van mij leren.',
    en: 'I always show this behaviour; others can learn it from me.',
  },
};

/** Customer recognition is a Dutch school grade, whole numbers 1-10; `null` is "weet ik niet". */
export const RECOGNITION_MIN = 1;
export const RECOGNITION_MAX = 10;

export function isSelfLevel(value: unknown): value is SelfLevel {
  return typeof value === 'number' && (SELF_LEVELS as readonly number[]).includes(value);
}

export function isRecognitionGrade(value: unknown): value is number {
  return (
    Number.isInteger(value) && (value as number) >= RECOGNITION_MIN && (value as number) <= RECOGNITION_MAX
  );
}

/** Self score of a value (docs/formulas.md, "Self side"): the mean of the behaviour codes; n.v.t. (null) is left out. */
export function selfScore(levels: readonly (SelfLevel | null)[]): number | null {
  const scored = levels.filter((l): l is SelfLevel => l !== null);
  return scored.length ? scored.reduce((sum, l) => sum + l, 0) / scored.length : null;
}

/** Self index on 0-100: (mean - 1) / 3 x 100. */
export function selfIndex(score: number | null): number | null {
  return score === null ? null : ((score - 1) / 3) * 100;
}
