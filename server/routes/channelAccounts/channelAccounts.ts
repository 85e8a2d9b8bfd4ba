import { Router } from 'express';
import type { Knex } from 'knex';
import type { ChannelAccountListResponse } from '../../../common/types';
import { parseAccountSettings } from '../../channels/accountSettings';
import { listAccountHealth } from '../../db/repositories/accountHealth';
import { visibleAccounts } from '../../db/repositories/accountVisibility';
import { getChannelAccount, updateAccountSettings } from '../../db/repositories/channelAccounts';
import { ForbiddenError, NotFoundError } from '../../errors';
import type { Logger } from '../../logger';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { notifyEvent } from '../../realtime/bus';
import { type ChannelConnectionConfig, channelConnectionRouter } from './connection';
import { accountParamsSchema, updateAccountSettingsSchema } from './schema';

export function channelAccountsRouter(deps: {
  db: Knex;
  logger: Logger;
  channelConnection?: ChannelConnectionConfig | undefined;
}): Router {
  const router = Router();
  if (deps.channelConnection) {
    router.use(channelConnectionRouter({ db: deps.db, logger: deps.logger, config: deps.channelConnection }));
  }

  router.get('/', async (req, res) => {
    // Agents and guides list only the channel accounts they may see (their teams' and team-less ones).
    const visible = await visibleAccounts(deps.db, currentUser(req).id);
    const items = await listAccountHealth(deps.db);
    const body: ChannelAccountListResponse = {
      items: visible.all ? items : items.filter((a) => visible.ids.includes(a.id)),
    };
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
