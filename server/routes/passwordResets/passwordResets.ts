import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import type { Knex } from 'knex';
import { hashPassword } from '../../auth/passwords';
import type { SessionStore } from '../../auth/sessionStore';
import { endUserSessions, sessionStoreOf } from '../../auth/sessions';
import { getUser, setPasswordHash } from '../../db/repositories/users';
import { ForbiddenError, NotFoundError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { notifySessionsEnded } from '../../realtime/bus';
import { passwordResetParamsSchema } from './schema';

/**
 * `POST /api/users/:id/password-reset` (admins): sets a one-time temporary password, shown once in
 * the answer; the user's sessions end and the user must choose a new password after signing in.
 */
export function passwordResetsRouter(deps: { db: Knex; sessionStore?: SessionStore | undefined }): Router {
  const router = Router();
  router.post('/:id/password-reset', async (req, res) => {
    if (currentUser(req).role !== 'admin') throw new ForbiddenError();
    const { id } = validate(passwordResetParamsSchema, req.params);
    const user = await getUser(deps.db, id);
    if (!user) throw new NotFoundError('User');
    const temporaryPassword = randomBytes(15).toString('base64url');
    await setPasswordHash(deps.db, user.id, await hashPassword(temporaryPassword), true);
    await endUserSessions(sessionStoreOf(deps), user.id);
    await notifySessionsEnded(deps.db, user.id);
    res.json({ temporaryPassword });
  });
  return router;
}
