import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../common/types';
import { formatFullTimestamp, formatMessageTime } from '../../i18n/dateFormat';
import { describeError } from '../../i18n/describeError';
import { type ActivityContext, describeActivity } from './activityText';
import { useConversationEvents, useUsers } from './workflowQueries';

/**
 * The conversation's audit trail (who assigned, resolved, snoozed, replied, took over …), collapsed by
 * default and loaded on first opening; newest first.
 */
export function ConversationActivity({
  conversation,
}: {
  conversation: Pick<ConversationSummary, 'id' | 'contact'>;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const [open, setOpen] = useState(false);
  const events = useConversationEvents(conversation.id, open);
  const users = useUsers(open);
  const context: ActivityContext = {
    locale,
    customerName: conversation.contact.name,
    userName: (id) => users.data?.users.find((user) => user.id === id)?.name ?? null,
  };
  const items = [...(events.data?.events ?? [])].reverse();

  return (
    <details
      data-testid="conversation-activity"
      className="activity"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="activity__summary">{t('activity.title')}</summary>
      {open && (
        <div className="activity__body">
          {events.isPending && <p className="activity__note">{t('activity.loading')}</p>}
          {events.isError && (
            <p className="activity__note form-error" role="alert">
              {t('activity.error')} {describeError(t, events.error)}
            </p>
          )}
          {events.isSuccess && items.length === 0 && <p className="activity__note">{t('activity.empty')}</p>}
          <ol className="activity__list">
            {items.map((event) => (
              <li
                key={event.id}
                data-testid="activity-event"
                data-type={event.type}
                className="activity__item"
              >
                <span className="activity__text" dir="auto">
                  {describeActivity(t, event, context)}
                </span>
                <time
                  className="activity__time"
                  dateTime={event.createdAt}
                  title={formatFullTimestamp(event.createdAt, locale)}
                >
                  {formatMessageTime(event.createdAt, locale)}
                </time>
              </li>
            ))}
          </ol>
        </div>
      )}
    </details>
  );
}
