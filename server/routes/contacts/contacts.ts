import { Router } from 'express';
import type { Knex } from 'knex';
import type { ContactProfileResponse } from '../../../common/types';
import { hideInvisible } from '../../auth/visibility';
import { contactVisible } from '../../db/repositories/accountVisibility';
import { getContactProfile, listContactConversations } from '../../db/repositories/contactProfiles';
import { NotFoundError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { contactParamsSchema, contactProfileQuerySchema } from './schema';

/** Customer profiles: who they are and every conversation they had with the brand. */
export function contactsRouter(deps: { db: Knex }): Router {
  const router = Router();
  // A customer seen only on channel accounts the user may not see is a 404.
  router.param('id', hideInvisible(deps.db, contactVisible, 'Contact'));
  router.get('/:id', async (req, res) => {
    const { id } = validate(contactParamsSchema, req.params);
    const { limit } = validate(contactProfileQuerySchema, req.query);
    const contact = await getContactProfile(deps.db, id);
    if (!contact) throw new NotFoundError('Contact');
    const page = await listContactConversations(deps.db, id, {
      limit,
      now: Date.now(),
      visibleTo: currentUser(req).id,
    });
    const body: ContactProfileResponse = {
      contact,
      conversations: page.items,
      totalConversations: page.total,
    };
    res.json(body);
  });
  return router;
}
