import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from '../i18n/de';
import { en } from '../i18n/en';

/**
 * An i18next instance with the real translations for tests. (The app's own i18n module reads navigator
 * and document, so tests build their own instance.)
 */
export function createTestI18n(language: 'en' | 'de' = 'en'): I18n {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, de: { translation: de } },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return i18n;
}
