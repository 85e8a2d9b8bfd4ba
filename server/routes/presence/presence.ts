import { Router } from 'express';
import type { Knex } from 'knex';
import type { PresenceListResponse } from '../../../common/types';
import { visibleConversationIds } from '../../db/repositories/accountVisibility';
import { listPresence } from '../../db/repositories/presence';
import { currentUser } from '../../middleware/auth';

/** Who is where right now: the snapshot a tab starts from and heals with after a reconnect. */
export function presenceRouter(deps: { db: Knex }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const items = await listPresence(deps.db);
    // Where colleagues are is shown only for conversations the user may see.
    const ids = items.flatMap((p) => (p.conversationId ? [p.conversationId] : []));
    const visible = await visibleConversationIds(deps.db, currentUser(req).id, [...new Set(ids)]);
    const body: PresenceListResponse = {
      items: items.filter((p) => p.conversationId === null || visible.has(p.conversationId)),
    };
    res.json(body);
  });
  return router;
}
