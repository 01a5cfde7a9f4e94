import { CADENCE_PRESETS } from '@wk/domain';
import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { cadenceInWords } from './cadence-words';

const words = (cron: string, language: 'nl' | 'en') =>
  cadenceInWords(cron, i18n.getFixedT(language), language);

describe('cadence in words', () => {
  it('gives the presets their own label, in Dutch and English', () => {
    expect(words(CADENCE_PRESETS.quarterly, 'nl')).toBe('Elk kwartaal, eerste maandag om 09:00');
    expect(words(CADENCE_PRESETS.quarterly, 'en')).toBe('Every quarter, first Monday at 09:00');
    expect(words(' 0  9 * * 1 ', 'nl')).toBe('Wekelijks, maandag om 09:00');
  });

  it('says an own pattern in words, never as the bare cron string', () => {
    expect(words('30 8 * * 1-5', 'nl')).toBe('Om 08:30, maandag t/m vrijdag');
    expect(words('30 8 * * 1-5', 'en')).toBe('At 08:30, Monday through Friday');
    expect(words('0 9 1 1 *', 'nl')).toBe('Om 09:00, op dag 1 van de maand, alleen in januari');
  });

  it('falls back to a sentence, not the pattern, when it cannot read it', () => {
    expect(words('elke maandag', 'nl')).toBe('Onleesbaar ritme; kies een vast ritme');
    expect(words('elke maandag', 'en')).toBe('Unreadable cadence; choose a preset');
  });
});
