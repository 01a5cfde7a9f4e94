import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '@wk/domain';
import { en } from './en';
import { nl } from './nl';

const STORAGE_KEY = 'wk.lang';

/** The language chosen on this device, else Dutch (the product's default). */
function initialLanguage(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as Locale) : 'nl';
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
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
