import { Router } from 'express';
import type { Knex } from 'knex';
import type { ChannelAccountListResponse } from '../../../common/types';
import { parseAccountSettings } from '../../channels/accountSettings';
import { listAccountHealth } from '../../db/repositories/accountHealth';
import { getChannelAccount, updateAccountSettings } from '../../db/repositories/channelAccounts';
import { ForbiddenError, NotFoundError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { notifyEvent } from '../../realtime/bus';
import { accountParamsSchema, updateAccountSettingsSchema } from './schema';

export function channelAccountsRouter(deps: { db: Knex }): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    const body: ChannelAccountListResponse = { items: await listAccountHealth(deps.db) };
    res.json(body);
  });

  router.patch('/:id/settings', async (req, res) => {
    if (!['admin', 'lead'].includes(currentUser(req).role))
      throw new ForbiddenError('Only admins and leads change account settings');
    const { id } = validate(accountParamsSchema, req.params);
    const changes = validate(updateAccountSettingsSchema, req.body);
    const account = await getChannelAccount(deps.db, id);
    if (!account) throw new NotFoundError('Channel account');
    const settings = parseAccountSettings({ ...parseAccountSettings(account.settings), ...changes });
    await updateAccountSettings(deps.db, id, settings);
    await notifyEvent(deps.db, { type: 'account.updated', channelAccountId: id });
    const item = (await listAccountHealth(deps.db)).find((a) => a.id === id);
    res.json({ item });
  });

  return router;
}
