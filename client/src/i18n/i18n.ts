import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';
import { type Language, pickLanguage, readStoredLanguage, storeLanguage } from './language';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: pickLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]),
  fallbackLng: 'en',
  // Resources are bundled, so initialisation can finish before the first render.
  initAsync: false,
  // React already escapes text; escaping here too would show "&amp;" in customer names.
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Switches the UI language and remembers the choice for the next visit. */
export function setLanguage(language: Language): void {
  storeLanguage(language);
  void i18n.changeLanguage(language);
}
