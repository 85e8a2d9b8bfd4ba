import { Router } from 'express';
import type { Knex } from 'knex';
import { ForbiddenError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { type SpikeConfig, teamDashboard } from '../../services/teamDashboard';

/** The team lead's live view; leads and admins only. */
export function dashboardRouter(deps: { db: Knex; spike: SpikeConfig }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const user = currentUser(req);
    if (!['lead', 'admin'].includes(user.role))
      throw new ForbiddenError('Only leads and admins see the dashboard');
    res.json(await teamDashboard(deps.db, { userId: user.id, spike: deps.spike }));
  });
  return router;
}
