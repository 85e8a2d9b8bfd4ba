import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { NotificationDto } from '../../../../common/types';
import { RelativeTime } from '../../components/RelativeTime';

interface NotificationListProps {
  items: NotificationDto[];
  now: number;
  onOpen: (notification: NotificationDto) => void;
}

/** "Anna mentioned you in <customer>: <excerpt>", newest first; each entry opens its conversation. */
export function NotificationList({ items, now, onOpen }: NotificationListProps) {
  const { t } = useTranslation();
  return (
    <ul className="notifications__list">
      {items.map((n) => {
        const unread = n.readAt === null;
        return (
          <li key={n.id}>
            <button
              type="button"
              data-testid="notification-item"
              data-notification-id={n.id}
              data-unread={unread}
              className={unread ? 'notification notification--unread' : 'notification'}
              onClick={() => onOpen(n)}
            >
              <span className="notification__line">
                {unread && <span className="visually-hidden">{`${t('notifications.unreadMark')}: `}</span>}
                {notificationLine(t, n)}
                {': '}
              </span>
              <span className="notification__excerpt" dir="auto">
                {n.approval?.outcome === 'rejected' && n.approval.reason !== null
                  ? n.approval.reason
                  : n.excerpt}
              </span>
              <span className="notification__time">
                <RelativeTime iso={n.createdAt} now={now} fallback="" />
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** "Anna mentioned you in …", or for a draft's author "Lea approved / rejected your reply to …". */
function notificationLine(t: TFunction, n: NotificationDto): string {
  const values = {
    actor: n.actorName ?? t('notifications.someone'),
    customer: n.contactName || `@${n.contactHandle}`,
  };
  if (n.kind === 'approval') {
    return n.approval?.outcome === 'rejected'
      ? t('approvals.notification.rejected', values)
      : t('approvals.notification.approved', values);
  }
  return t('notifications.mention', values);
}
