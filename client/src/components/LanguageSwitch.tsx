import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/i18n';
import { isLanguage, LANGUAGES, type Language } from '../i18n/language';

// Language names in their own language, so someone who cannot read the current one still finds theirs.
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

/** `onPick`: also save the choice elsewhere (the signed-in user's profile). */
export function LanguageSwitch({ onPick }: { onPick?: (language: Language) => void } = {}) {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';

  return (
    <select
      data-testid="language-switch"
      className="select select--compact"
      aria-label={t('header.language')}
      value={current}
      onChange={(event) => {
        if (!isLanguage(event.target.value)) return;
        setLanguage(event.target.value);
        onPick?.(event.target.value);
      }}
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
    </select>
  );
}
