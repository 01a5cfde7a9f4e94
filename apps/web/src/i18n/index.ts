import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { LOCALES, type Locale } from '@wk/domain';
import { nl } from './nl';

const STORAGE_KEY = 'wk.lang';

/** The language chosen on this device, else Dutch (the product's default). */
function initialLanguage(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : 'nl';
}

// Dutch, the default, is in the first download; English (half the dictionary) loads when chosen,
// so that a phone opening a Dutch answer link does not download both (issue 13).
void i18n
  .use(initReactI18next)
  .use(
    resourcesToBackend((language: string) =>
      language === 'en' ? import('./en').then((m) => m.en) : Promise.resolve({}),
    ),
  )
  .init({
    resources: { nl: { translation: nl } },
    partialBundledLanguages: true,
    lng: initialLanguage(),
    fallbackLng: 'nl',
    interpolation: { escapeValue: false }, // React escapes already
  });

// Screen readers and the browser's hyphenation follow <html lang>.
const applyLang = (lng: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
};
applyLang(i18n.language);
i18n.on('languageChanged', applyLang);

export function setLanguage(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  void i18n.changeLanguage(locale);
}

export function currentLanguage(): Locale {
  return i18n.language === 'en' ? 'en' : 'nl';
}

export default i18n;
