import { Router } from 'express';
import type { Knex } from 'knex';
import type { MarkNotificationsReadResponse, NotificationListResponse } from '../../../common/types';
import { countUnreadNotifications, listNotifications } from '../../db/repositories/notifications';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { readNotifications } from '../../services/readNotifications';
import { listNotificationsSchema, markReadSchema } from './schema';

/** The signed-in user's own notifications (the header's bell). */
export function notificationsRouter(deps: { db: Knex }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const { limit } = validate(listNotificationsSchema, req.query);
    const userId = currentUser(req).id;
    const body: NotificationListResponse = {
      items: await listNotifications(deps.db, userId, limit),
      unreadCount: await countUnreadNotifications(deps.db, userId),
    };
    res.json(body);
  });
  router.post('/read', async (req, res) => {
    const which = validate(markReadSchema, req.body);
    const body: MarkNotificationsReadResponse = {
      unreadCount: await readNotifications(deps.db, { userId: currentUser(req).id, which }),
    };
    res.json(body);
  });
  return router;
}
