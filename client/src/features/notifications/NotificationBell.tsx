import { useTranslation } from 'react-i18next';
import type { NotificationDto } from '../../../../common/types';
import { HeaderCount, HeaderPopoverPanel } from '../../components/HeaderPopoverPanel';
import { useHeaderPopover } from '../../components/useHeaderPopover';
import { useNow } from '../../components/useNow';
import { hashForConversation } from '../inbox/selectionHash';
import { NotificationList } from './NotificationList';
import { useMarkNotificationsRead, useNotifications } from './notificationQueries';

const ITEM_SELECTOR = '[data-testid="notification-item"]';
// The relative times in an open list only need to move on every half minute.
const TICK_MS = 30_000;

/**
 * The header's bell: the unread count (live, through the user's own socket room) and a popover with the
 * newest notifications. Opening one marks it read and opens its conversation. Arrow keys move between
 * entries; Esc or a click outside closes and focus returns to the bell.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const popover = useHeaderPopover(ITEM_SELECTOR);
  const { open, setOpen, wrapper, trigger, panelId } = popover;
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  // The tick keeps an open list's times moving; a notification newer than the last tick must not read
  // "in 4 seconds", so the clock is read again on every render.
  const now = Math.max(useNow(TICK_MS), Date.now());
  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];

  const openNotification = (n: NotificationDto) => {
    if (n.readAt === null) markRead.mutate({ ids: [n.id] });
    setOpen(false);
    // The inbox follows the hash (and the back button returns to where the agent was).
    window.location.hash = hashForConversation(n.conversationId);
  };

  return (
    <div className="notifications" ref={wrapper}>
      <button
        ref={trigger}
        type="button"
        data-testid="notification-bell"
        data-unread={unread}
        className="button button--ghost notifications__bell"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title={t('notifications.button')}
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        <span className="visually-hidden">
          {unread > 0 ? t('notifications.unread', { count: unread }) : t('notifications.button')}
        </span>
        <HeaderCount count={unread} testId="notification-count" className="notifications__count" />
      </button>
      {open && (
        <HeaderPopoverPanel
          popover={popover}
          testId="notification-panel"
          title={t('notifications.title')}
          actions={
            <button
              type="button"
              data-testid="notification-read-all"
              className="button button--small button--ghost"
              disabled={unread === 0 || markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
            >
              {t('notifications.markAllRead')}
            </button>
          }
          query={notifications}
          empty={items.length === 0}
          notes={{
            loading: t('notifications.loading'),
            error: t('notifications.error'),
            empty: t('notifications.empty'),
          }}
        >
          <NotificationList items={items} now={now} onOpen={openNotification} />
        </HeaderPopoverPanel>
      )}
    </div>
  );
}

function BellIcon() {
  return (
    <svg className="notifications__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}
