import type { BehaviourDraft } from '@wk/domain';

/** Behaviours keyed `<valueKey>-1..n` from [NL, EN] pairs; a template starts a history, so nothing is continued. */
export function behaviours(valueKey: string, texts: [nl: string, en: string][]): BehaviourDraft[] {
  return texts.map(([textNl, textEn], i) => ({
    key: `${valueKey}-${i + 1}`,
    continuesKey: null,
    textNl,
    textEn,
  }));
}
