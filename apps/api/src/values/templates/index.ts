import type { ValueSetTemplate, ValueTemplateSummary } from '@wk/contracts';
import { ARVAL_TEMPLATE } from './arval';
import { AUTOTAALGLAS_TEMPLATE } from './autotaalglas';
import { VIDOMES_TEMPLATE } from './vidomes';

export { VIDOMES_TEMPLATE };

/** Example value sets shipped with the product, importable into a draft. */
export const VALUE_TEMPLATES: Record<string, ValueSetTemplate> = {
  vidomes: VIDOMES_TEMPLATE,
  autotaalglas: AUTOTAALGLAS_TEMPLATE,
  arval: ARVAL_TEMPLATE,
};

export function templateSummaries(): ValueTemplateSummary[] {
  return Object.entries(VALUE_TEMPLATES).map(([key, t]) => ({
    key,
    name: t.name,
    description: t.description,
    valueCount: t.values.length,
  }));
}
