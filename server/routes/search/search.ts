import { Router } from 'express';
import type { Knex } from 'knex';
import type { SearchResponse } from '../../../common/types';
import { visibleConversationIds } from '../../db/repositories/accountVisibility';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { searchInbox } from '../../services/searchInbox';
import { searchQuerySchema } from './schema';

/** `GET /api/search?q=…&limit=…&cursor=…`: conversations and customers matching a full-text query. */
export function searchRouter(deps: { db: Knex }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const input = validate(searchQuerySchema, req.query);
    const found = await searchInbox(deps.db, input);
    // Channel-account visibility: hits on accounts the user may not see are dropped from the page
    // (the cursor still pages through the unfiltered order, so a page can come back shorter).
    const ids = [
      ...found.conversations.map((h) => h.conversation.id),
      ...found.customers.flatMap((c) => (c.latestConversation ? [c.latestConversation.id] : [])),
    ];
    const visible = await visibleConversationIds(deps.db, currentUser(req).id, ids);
    const body: SearchResponse = {
      ...found,
      conversations: found.conversations.filter((h) => visible.has(h.conversation.id)),
      customers: found.customers.filter((c) => c.latestConversation && visible.has(c.latestConversation.id)),
    };
    res.json(body);
  });
  return router;
}
