import { Router } from 'express';
import type { Knex } from 'knex';
import type { UserListResponse } from '../../../common/types';
import { toUserDto } from '../../db/repositories/mappers';

/** Active colleagues, for the assign picker and @mentions. */
export function usersRouter(deps: { db: Knex }): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const rows = await deps.db('users').where({ active: true }).orderBy('name');
    const body: UserListResponse = { users: rows.map(toUserDto) };
    res.json(body);
  });
  return router;
}
