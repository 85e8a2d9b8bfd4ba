import type { Knex } from 'knex';
import { countUnreadNotifications, markNotificationsRead } from '../db/repositories/notifications';
import { notifyEvent } from '../realtime/bus';

// A NOTIFY payload may hold 8000 bytes; "mark all read" can change hundreds of rows.
const MAX_IDS_PER_EVENT = 50;

/**
 * Marks the user's notifications read and tells the user's other tabs, so every bell agrees.
 * Returns the unread count afterwards.
 */
export async function readNotifications(
  db: Knex,
  input: { userId: string; which: { ids: string[] } | { all: true } },
): Promise<number> {
  return db.transaction(async (trx) => {
    const changed = await markNotificationsRead(trx, input.userId, input.which);
    if (changed.length > 0) {
      await notifyEvent(trx, {
        type: 'notification.read',
        userId: input.userId,
        notificationIds: changed.slice(0, MAX_IDS_PER_EVENT),
      });
    }
    return countUnreadNotifications(trx, input.userId);
  });
}
