import { localized } from './localized';

describe('localized', () => {
  it('gives the English text to an English reader when it is filled in', () => {
    expect(localized('Gastvrij', 'Hospitable', 'en')).toBe('Hospitable');
  });
  it('falls back to Dutch when the English text is empty or missing', () => {
    expect(localized('Gastvrij', '', 'en')).toBe('Gastvrij');
    expect(localized('Gastvrij', null, 'en')).toBe('Gastvrij');
    expect(localized('Gastvrij', undefined, 'en')).toBe('Gastvrij');
  });
  it('gives Dutch to a Dutch reader and for any other or unknown language', () => {
    expect(localized('Gastvrij', 'Hospitable', 'nl')).toBe('Gastvrij');
    expect(localized('Gastvrij', 'Hospitable', 'de')).toBe('Gastvrij');
    expect(localized('Gastvrij', 'Hospitable', undefined)).toBe('Gastvrij');
  });
});
