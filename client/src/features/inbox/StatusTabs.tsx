import { useTranslation } from 'react-i18next';
import type { ConversationFilter } from '../../api/endpoints';

export type InboxTab = Exclude<ConversationFilter, 'all'>;
export const INBOX_TABS: readonly InboxTab[] = ['open', 'pending', 'resolved'];

interface StatusTabsProps {
  value: InboxTab;
  onChange: (tab: InboxTab) => void;
}

export function StatusTabs({ value, onChange }: StatusTabsProps) {
  const { t } = useTranslation();
  return (
    <div className="tabs" role="tablist" aria-label={t('tabs.label')}>
      {INBOX_TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          aria-selected={tab === value}
          className={tab === value ? 'tabs__tab tabs__tab--active' : 'tabs__tab'}
          onClick={() => onChange(tab)}
        >
          {t(`tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}
