import { useTranslation } from 'react-i18next';
import { INBOX_VIEWS, type InboxView } from '../../../../common/types';
import { useViewCounts } from './workflowQueries';

interface ViewListProps {
  value: InboxView;
  onChange: (view: InboxView) => void;
}

/**
 * Unassigned, Mine, Open, Pending, Snoozed, Resolved, All, each with its live count (refetched after
 * realtime events and every 30 s). A count that has not loaded yet is left out rather than shown as 0.
 */
export function ViewList({ value, onChange }: ViewListProps) {
  const { t } = useTranslation();
  const counts = useViewCounts().data?.counts;

  return (
    <div className="views" role="tablist" aria-label={t('views.label')}>
      {INBOX_VIEWS.map((view) => {
        const count = counts?.[view];
        const active = view === value;
        return (
          <button
            key={view}
            data-testid={`view-${view}`}
            data-count={count}
            type="button"
            role="tab"
            aria-selected={active}
            className={active ? 'views__view views__view--active' : 'views__view'}
            title={count === undefined ? undefined : t('views.count', { count })}
            onClick={() => onChange(view)}
          >
            <span className="views__name">{t(`views.${view}`)}</span>
            {count !== undefined && <span className="views__count">{count}</span>}
          </button>
        );
      })}
    </div>
  );
}
