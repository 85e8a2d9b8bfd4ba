import { Router } from 'express';
import type { Knex } from 'knex';
import type { InviteInfoResponse } from '../../../common/userManagement';
import { validate } from '../../middleware/validate';
import { acceptInvite, usableInvite } from '../../services/inviteUsers';
import { acceptInviteSchema, inviteTokenParamsSchema } from './schema';

/**
 * The invitee's side of a one-time invitation link; public (the unguessable token is the credential).
 * Accepting creates the account; the invitee then signs in with the password they chose.
 */
export function invitesRouter(deps: { db: Knex }): Router {
  const router = Router();
  router.get('/:token', async (req, res) => {
    const { token } = validate(inviteTokenParamsSchema, req.params);
    const invite = await usableInvite(deps.db, token);
    const body: InviteInfoResponse = { email: invite.email, locale: invite.locale };
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });
  router.post('/:token/accept', async (req, res) => {
    const { token } = validate(inviteTokenParamsSchema, req.params);
    const input = validate(acceptInviteSchema, req.body);
    const { userId } = await acceptInvite(deps.db, token, input, req);
    res.status(201).json({ userId });
  });
  return router;
}
