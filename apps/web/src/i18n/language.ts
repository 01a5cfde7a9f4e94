import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { LOCALES, type Locale } from '@wk/domain';

const STORAGE_KEY = 'wk.lang';

/** The language chosen on this device, else Dutch (the product's default). */
function initialLanguage(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : 'nl';
}

/**
 * Starts i18next with Dutch, the default, in the first download and English loaded when chosen, so
 * that a phone opening a Dutch answer link does not download both (issue 13). Each entry brings its
 * own dictionary: the dashboard all texts (index.ts), the public pages only theirs (public.ts).
 */
export function startLanguages(nl: object, en: () => Promise<object>): void {
  void i18n
    .use(initReactI18next)
    .use(resourcesToBackend((language: string) => (language === 'en' ? en() : Promise.resolve({}))))
    .init({
      resources: { nl: { translation: nl } },
      partialBundledLanguages: true,
      lng: initialLanguage(),
      fallbackLng: 'nl',
      interpolation: { escapeValue: false }, // React escapes already
    });
  applyLang(i18n.language);
  i18n.on('languageChanged', applyLang);
}

// Screen readers and the browser's hyphenation follow <html lang>.
function applyLang(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

export function setLanguage(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  void i18n.changeLanguage(locale);
}

export function currentLanguage(): Locale {
  return i18n.language === 'en' ? 'en' : 'nl';
}

export default i18n;
