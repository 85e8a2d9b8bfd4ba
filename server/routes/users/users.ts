import { type Request, Router } from 'express';
import type { Knex } from 'knex';
import type { UserListResponse } from '../../../common/types';
import type { ManagedUserListResponse } from '../../../common/userManagement';
import { toUserDto } from '../../db/repositories/mappers';
import { listManagedUsers, listPendingInvites } from '../../db/repositories/userManagement';
import { ForbiddenError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { inviteUser } from '../../services/inviteUsers';
import { setUserActive, updateManagedUser } from '../../services/manageUsers';
import { inviteSchema, manageUserSchema, userIdParamsSchema } from './schema';

function requireAdmin(req: Request) {
  const user = currentUser(req);
  if (user.role !== 'admin') throw new ForbiddenError('Only admins manage users');
  return user;
}

/** Active colleagues (everyone: assign picker, @mentions); user management (admins). */
export function usersRouter(deps: { db: Knex }): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const rows = await deps.db('users').where({ active: true }).orderBy('name');
    const body: UserListResponse = { users: rows.map(toUserDto) };
    res.json(body);
  });

  router.get('/manage', async (req, res) => {
    requireAdmin(req);
    const body: ManagedUserListResponse = {
      users: await listManagedUsers(deps.db),
      invites: await listPendingInvites(deps.db),
    };
    res.json(body);
  });

  router.post('/invites', async (req, res) => {
    const actor = requireAdmin(req);
    const input = validate(inviteSchema, req.body);
    res.status(201).json(await inviteUser(deps.db, actor, input, req));
  });

  router.patch('/:id', async (req, res) => {
    const actor = requireAdmin(req);
    const { id } = validate(userIdParamsSchema, req.params);
    const patch = validate(manageUserSchema, req.body);
    res.json({ user: await updateManagedUser(deps.db, actor, id, patch, req) });
  });

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    router.post(`/:id/${path}`, async (req, res) => {
      const actor = requireAdmin(req);
      const { id } = validate(userIdParamsSchema, req.params);
      res.json({ user: await setUserActive(deps.db, actor, id, active, req) });
    });
  }
  return router;
}
