import { isRecognitionGrade, isSelfLevel, SELF_LEVEL_LABELS } from './scales';
import { isIanaTimeZone } from './organisation-settings';

describe('scales', () => {
  it('accepts exactly the four self-assessment levels', () => {
    expect([0, 1, 2, 3, 4, 5, 2.5, '3', null].map(isSelfLevel)).toEqual([
      false,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(SELF_LEVEL_LABELS[4].nl).toBe('Voorbeeldfunctie');
  });

  it('accepts whole grades 1-10 only', () => {
    expect([0, 1, 7, 10, 11, 7.5].map(isRecognitionGrade)).toEqual([false, true, true, true, false, false]);
  });

  it('recognises IANA time zones through Intl', () => {
    expect(isIanaTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isIanaTimeZone('Mars/Olympus')).toBe(false);
    expect(isIanaTimeZone('')).toBe(false);
  });
});
