import { Router } from 'express';
import type { Knex } from 'knex';
import type { MeResponse } from '../../../common/types';
import { toUserDto } from '../../db/repositories/mappers';
import { updateUserPreferences } from '../../db/repositories/users';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { updatePreferencesSchema } from './schema';

/** The signed-in user: who they are, and their own language and time zone (stored, so every device agrees). */
export function meRouter(deps: { db: Knex }): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const body: MeResponse = { user: toUserDto(currentUser(req)) };
    res.json(body);
  });
  router.patch('/', async (req, res) => {
    const prefs = validate(updatePreferencesSchema, req.body);
    const body: MeResponse = {
      user: toUserDto(await updateUserPreferences(deps.db, currentUser(req).id, prefs)),
    };
    res.json(body);
  });
  return router;
}
