import { Router } from 'express';
import type { Knex } from 'knex';
import type { TeamListResponse } from '../../../common/types';
import { listTeams } from '../../db/repositories/teams';

/** Teams and their members, for assigning to a team and for "My teams". */
export function teamsRouter(deps: { db: Knex }): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const body: TeamListResponse = { teams: await listTeams(deps.db) };
    res.json(body);
  });
  return router;
}
