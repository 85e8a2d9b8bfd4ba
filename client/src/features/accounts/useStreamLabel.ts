import { useTranslation } from 'react-i18next';
import { parseStreamKey } from './streamKey';

/** Translates a poll stream key for display ("search:acme" -> 'search results for “acme”'). */
export function useStreamLabel(): (key: string) => string {
  const { t } = useTranslation();
  return (key) => {
    const name = parseStreamKey(key);
    switch (name.kind) {
      case 'search':
        return t('accounts.streamNames.search', { query: name.query });
      case 'other':
        return name.key;
      default:
        return t(`accounts.streamNames.${name.kind}`);
    }
  };
}
