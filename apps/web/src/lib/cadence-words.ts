import { CADENCE_PRESETS } from '@wk/domain';
import type { TFunction } from 'i18next';
import cronstrue from 'cronstrue';
import 'cronstrue/locales/nl';

/** Patterns with a hand-written label (the presets HR picks from); read better than generated words. */
const LABELLED: Record<string, string> = {
  [CADENCE_PRESETS.monthly]: 'cycles.presets.monthly',
  [CADENCE_PRESETS.quarterly]: 'cycles.presets.quarterly',
  [CADENCE_PRESETS.halfYearly]: 'cycles.presets.halfYearly',
  '0 9 * * 1': 'surveys.form.presets.weekly',
};

/**
 * A cadence as HR reads it ("Elk kwartaal, eerste maandag om 09:00"), never a bare cron string: a
 * preset's label, else cronstrue's words in the interface language.
 */
export function cadenceInWords(cron: string, t: TFunction, language: string): string {
  const pattern = cron.trim().replace(/\s+/g, ' ');
  const label = LABELLED[pattern];
  if (label) return t(label);
  try {
    return cronstrue.toString(pattern, {
      locale: language === 'en' ? 'en' : 'nl',
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
    });
  } catch {
    return t('cycles.cadenceUnreadable');
  }
}
